/**
 * The steps of a real business's first hour, shared by the browser stories: a fresh instance
 * without demo data, with a real SMTP server; the first account and workshop with the setup
 * link printed on the console; a visitor's sign-up, confirmed through the mail received; and
 * "create your workshop". Later stories (identity, customers, first intake) go on from the
 * dashboard these steps end on.
 * @example const instance = await startFreshInstance(); await signUpAndVerify(page, instance, person);
 */
import type { Page } from "playwright-core";
import { startSmtp, type TestSmtp, waitFor } from "../src/http/test-smtp.ts";
import { buildWeb } from "./build-web.ts";
import { type RunningServer, startServer } from "./start-server.ts";

export interface FreshInstance {
  server: RunningServer;
  smtp: TestSmtp;
  stop(): Promise<void>;
}

export interface Person {
  name: string;
  email: string;
  password: string;
}

export interface Workshop {
  name: string;
  trade: string;
  currency?: string;
}

/** `comptoir serve` with COMPTOIR_DEMO=off and COMPTOIR_SMTP_URL at an SMTP server of ours. */
export async function startFreshInstance(
  env: Record<string, string | undefined> = {},
): Promise<FreshInstance> {
  await buildWeb();
  const smtp = await startSmtp();
  const server = await startServer({
    env: { COMPTOIR_DEMO: "off", COMPTOIR_SMTP_URL: smtp.url, ...env },
  });
  return {
    server,
    smtp,
    stop: async () => {
      await server.stop();
      await smtp.close();
    },
  };
}

/** The setup link `comptoir serve` printed at start. */
export function setupLinkOf(server: RunningServer): string {
  const found = /(http:\/\/\S+\/setup\?token=\S+)/.exec(server.output());
  if (!found?.[1]) throw new Error(`no setup link printed:\n${server.output()}`);
  return found[1];
}

/** The first link to `page` in the last mail `to` received. */
export async function linkInMail(smtp: TestSmtp, to: string, page: string): Promise<string> {
  const pattern = new RegExp(`https?://\\S+/${page}\\?token=[\\w.%-]+`);
  await waitFor(() => smtp.received.some((m) => m.to.includes(to) && pattern.test(m.body)), 30_000);
  const mail = smtp.received.filter((m) => m.to.includes(to) && pattern.test(m.body)).at(-1);
  return pattern.exec(mail?.body ?? "")?.[0] ?? "";
}

/** Fills the workshop's fields (setup page or "create your workshop") in French. */
export async function fillWorkshop(page: Page, workshop: Workshop): Promise<void> {
  await page.getByLabel("Nom de l'atelier").fill(workshop.name);
  await page.getByRole("combobox", { name: "Métier" }).fill(workshop.trade);
  await page.keyboard.press("Escape");
  if (workshop.currency) {
    await page.getByLabel("Monnaie").selectOption(workshop.currency);
  }
}

/** On /sign-up: creates the account, opens the link mailed, confirms; ends signed in. */
export async function signUpAndVerify(
  page: Page,
  instance: FreshInstance,
  person: Person,
): Promise<void> {
  await page.goto(`${instance.server.url}/sign-up`);
  await page.getByLabel("Votre nom").fill(person.name);
  await page.getByLabel("Adresse e-mail").fill(person.email);
  await page.getByLabel("Mot de passe").fill(person.password);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await page.getByText("Vérifiez votre boîte mail").waitFor();
  const link = await linkInMail(instance.smtp, person.email, "verify-email");
  await page.goto(link);
  await page.getByRole("button", { name: "Confirmer mon adresse" }).click();
}

/** On "create your workshop" (signed in, address confirmed): ends on its dashboard. */
export async function createWorkshop(page: Page, workshop: Workshop): Promise<void> {
  await page.getByRole("heading", { name: "Créez votre atelier" }).waitFor();
  await fillWorkshop(page, workshop);
  await page.getByRole("button", { name: "Créer l'atelier" }).click();
  await page.waitForURL(/\/o\/[a-z0-9-]+$/);
}
