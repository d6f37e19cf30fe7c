/// <reference lib="dom" />
/**
 * Surveys in a real browser against the real server: the demo owner sends the survey from a
 * customer's page; the customer opens the e-mail's "9" link on a phone-sized screen (the score
 * is preselected, nothing is recorded yet), the page passes axe (WCAG A/AA), fits the screen,
 * and the answer sent from it is recorded on the customer's page.
 */

import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Outbox } from "../src/http/routes/mail/contract.ts";
import type {
  SurveysOfCustomerResponse,
  SurveyTemplatesResponse,
} from "../src/http/routes/surveys/contract.ts";
import { hasChromium } from "./launch-browser.ts";
import { openVisit, signInAsDemo } from "./sign-in.ts";
import type { RunningServer } from "./start-server.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const SHOTS = `${ROOT}e2e/screenshots`;
const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const CUSTOMER = "c-hotel-beaurivage";

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const url = (path: string) => `${server.url}${path}`;

async function surveys(): Promise<SurveysOfCustomerResponse> {
  const response = await page.request.get(url(`/api/orgs/demo/customers/${CUSTOMER}/surveys`));
  expect(response.status()).toBe(200);
  return (await response.json()) as SurveysOfCustomerResponse;
}

describe.skipIf(!hasChromium())("surveys in a browser", () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ server, browser, page } = await openVisit(pageErrors));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("lets the owner rewrite a survey's questions from the navigation", async () => {
    await signInAsDemo(page, server);
    await page.getByRole("link", { name: "Questionnaires", exact: true }).click();
    await page.getByRole("heading", { name: "Questionnaires", level: 1 }).waitFor();
    const form = page.getByRole("region", { name: "Ancien client · Français" });
    await form.getByLabel("Question ouverte").fill("Qu'est-ce qui vous a manqué chez nous ?");
    await form.getByRole("button", { name: "Ajouter une question" }).click();
    await form.getByLabel("Question facultative 1").fill("Reviendriez-vous pour une retouche ?");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await page
      .getByRole("region", { name: "Ancien client · Français" })
      .getByText("modifié")
      .waitFor();
    const saved = await page.request.get(url("/api/orgs/demo/surveys/templates"));
    const templates = ((await saved.json()) as SurveyTemplatesResponse).templates;
    expect(templates.find((q) => q.kind === "former_customer" && q.lang === "fr")).toMatchObject({
      open: "Qu'est-ce qui vous a manqué chez nous ?",
      extra: ["Reviendriez-vous pour une retouche ?"],
      custom: true,
    });
  });

  it("sends the survey from the customer's page, and answers it on a phone", async () => {
    await page.goto(url(`/o/demo/customers/${CUSTOMER}`));
    const card = page.getByTestId("customer-surveys");
    await card.getByRole("button", { name: "Envoyer le questionnaire" }).click();
    await card.getByRole("status").filter({ hasText: "mis en file d'attente" }).waitFor();
    expect((await surveys()).refusal).toBe("too_soon");

    // No mail server in the demo: the link is in the outbox.
    const outbox = await page.request.get(url("/api/orgs/demo/outbox"));
    const mails = ((await outbox.json()) as Outbox).items;
    const mail = mails.find((m) => m.to === "gouvernante@hotel-beaurivage.example.com");
    const link = /(http:\/\/localhost:\d+\/survey\/demo\/[\w-]+)\?score=9/.exec(
      mail?.text ?? "",
    )?.[1];
    expect(link).toBeDefined();

    const phone = await browser.newContext({
      viewport: { width: 375, height: 740 },
      bypassCSP: true,
      reducedMotion: "reduce",
    });
    const customer = await phone.newPage();
    await customer.goto(`${link}?score=9`);
    await customer.getByRole("heading", { name: "Votre avis", level: 1 }).waitFor();
    expect(await customer.getByRole("radio", { name: "9" }).isChecked()).toBe(true);
    expect((await surveys()).surveys[0]?.answeredAt).toBeNull();
    // Fits the phone's width, and passes axe.
    expect(await customer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    await customer.addScriptTag({ path: AXE_PATH });
    const violations = (await customer.evaluate(() =>
      (
        window as unknown as {
          axe: {
            run(c: unknown, o: unknown): Promise<{ violations: { id: string; impact: string }[] }>;
          };
        }
      ).axe
        .run(document, { runOnly: ["wcag2a", "wcag2aa"] })
        .then((r) =>
          r.violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => v.id),
        ),
    )) as string[];
    expect(violations).toEqual([]);
    await customer
      .getByLabel("Comment cela s'est-il passé ?")
      .fill("Uniformes impeccables, livrés à temps.");
    await customer.screenshot({ path: `${SHOTS}/survey-phone.png`, fullPage: true });
    // People take more than 2 seconds to read and type; a program may not.
    await customer.waitForTimeout(2100);
    await customer.getByRole("button", { name: "Envoyer ma réponse" }).click();
    await customer.getByRole("status").filter({ hasText: "Merci" }).waitFor();
    await phone.close();

    const answered = (await surveys()).surveys[0];
    expect(answered?.answeredAt).not.toBeNull();
    await page.reload();
    await page
      .getByTestId("customer-surveys")
      .getByText(/répondu le/)
      .waitFor();
    expect(pageErrors).toEqual([]);
  });
});
