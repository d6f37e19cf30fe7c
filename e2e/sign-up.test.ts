/// <reference lib="dom" />
/**
 * Open for business, in a browser, in French: a fresh `npm start` with COMPTOIR_DEMO=off shows
 * no demo anywhere and opens on "create your workshop" (the setup link printed on the console
 * makes the first account); then a visitor signs up, confirms the address through the mail a
 * real SMTP server received, and creates the workshop. The same instance in invite mode
 * refuses the sign-up.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionResponse } from "../src/http/routes/session/contract.ts";
import { hasChromium, launchBrowser } from "./launch-browser.ts";
import {
  createWorkshop,
  type FreshInstance,
  fillWorkshop,
  setupLinkOf,
  signUpAndVerify,
  startFreshInstance,
} from "./open-for-business.ts";
import { startServer } from "./start-server.ts";

let instance: FreshInstance;
let browser: Browser;
const pageErrors: string[] = [];

const newPage = async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return page;
};

describe.skipIf(!hasChromium())("a real workshop signs up in a browser", () => {
  beforeAll(async () => {
    instance = await startFreshInstance();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.stop();
  });

  it("starts without demo: no organization, no credentials printed, no demo hint", async () => {
    const output = instance.server.output();
    expect(output).not.toMatch(/démo|demo account|Compte de démonstration/i);
    const session = (await (
      await fetch(`${instance.server.url}/api/session`)
    ).json()) as SessionResponse;
    expect(session.demo).toBeNull();
    expect(session.instance).toEqual({ setup: true, signUp: "open" });
    const page = await newPage();
    await page.goto(`${instance.server.url}/`);
    await page.waitForURL(/\/setup$/);
    await page.getByRole("heading", { name: "Créez votre atelier" }).waitFor();
    await page.goto(`${instance.server.url}/sign-in`);
    await page.waitForURL(/\/setup$/);
    expect(await page.getByTestId("demo-credentials").count()).toBe(0);
    await page.context().close();
  });

  it("creates the first account and its workshop with the printed setup link", async () => {
    const page = await newPage();
    await page.goto(setupLinkOf(instance.server));
    await page.getByLabel("Votre nom").fill("Éloïse Admin");
    await page.getByLabel("Adresse e-mail").fill("eloise@atelier-eloise.test");
    await page.getByLabel("Mot de passe").fill("heel and sole since 1987");
    await fillWorkshop(page, { name: "Atelier Éloïse", trade: "retouches" });
    await page.getByRole("button", { name: "Créer mon atelier" }).click();
    await page.waitForURL(/\/o\/atelier-eloise$/).catch(async (error) => {
      const alerts = await page.getByRole("alert").allTextContents();
      throw new Error(`${error}\nalerts: ${alerts.join(" | ")}\nat ${page.url()}`);
    });
    await page
      .getByRole("heading", { name: "Tableau de bord" })
      .waitFor()
      .catch(async (error) => {
        throw new Error(
          `${error}\npage: ${(await page.locator("body").textContent())?.slice(0, 600)}`,
        );
      });
    // The sign-in page of an instance with an account has no demo hint either.
    const visitor = await newPage();
    await visitor.goto(`${instance.server.url}/sign-in`);
    await visitor.getByRole("button", { name: "Se connecter" }).waitFor();
    expect(await visitor.getByTestId("demo-credentials").count()).toBe(0);
    await visitor.context().close();
    await page.context().close();
  });

  it("a visitor signs up, confirms the address from the mail received, and creates the workshop", async () => {
    const page = await newPage();
    await signUpAndVerify(page, instance, {
      name: "Marc Martin",
      email: "marc@cordonnerie-martin.test",
      password: "awl thread and wax 42",
    });
    await page.waitForURL(/\/new-organization$/);
    await createWorkshop(page, {
      name: "Cordonnerie Martin",
      trade: "cordonnerie",
      currency: "CHF",
    });
    expect(page.url()).toMatch(/\/o\/cordonnerie-martin$/);
    await page.getByRole("heading", { name: "Tableau de bord" }).waitFor();
    const session = await page.evaluate(async () => (await fetch("/api/session")).json());
    expect(session.organizations).toEqual([
      expect.objectContaining({
        slug: "cordonnerie-martin",
        name: "Cordonnerie Martin",
        role: "owner",
      }),
    ]);
    expect(session.user).toMatchObject({
      email: "marc@cordonnerie-martin.test",
      emailVerified: true,
    });
    await page.context().close();
    expect(pageErrors).toEqual([]);
  });

  it("in invite mode, refuses the sign-up with a clear message and offers no sign-up link", async () => {
    const invite = await startServer({ env: { COMPTOIR_DEMO: "off", COMPTOIR_SIGNUP: "invite" } });
    try {
      const response = await fetch(`${invite.url}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: invite.url },
        body: JSON.stringify({
          name: "Zoé",
          email: "zoe@example.test",
          password: "heel and sole 1987",
        }),
      });
      expect(response.status).toBe(403);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("SIGN_UP_CLOSED");
      expect(body.error.message).toMatch(/invitation/);
      const page = await newPage();
      await page.goto(`${invite.url}/sign-up`);
      await page
        .getByText("Cette installation n'accepte de nouveaux comptes que sur invitation.")
        .waitFor();
      await page.context().close();
    } finally {
      await invite.stop();
    }
  });
});
