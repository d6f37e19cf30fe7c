/// <reference lib="dom" />
/**
 * The Relances page in French, in a real browser against the real server: the demo owner sees
 * the overdue invoices to chase, pauses one from the pause dialog with a reason and a last
 * day (keyboard only in the dialog), finds it under "Arrêtées et en pause", resumes it, and
 * previews a firm reminder for a business in the template editor.
 */
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RemindersView } from "../src/http/routes/reminders/contract.ts";
import { hasChromium } from "./launch-browser.ts";
import { openVisit, signInAsDemo } from "./sign-in.ts";
import type { RunningServer } from "./start-server.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const SHOTS = `${ROOT}e2e/screenshots`;

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

describe.skipIf(!hasChromium())("reminders in a browser", () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ server, browser, page } = await openVisit(pageErrors));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("signs in as the demo owner and opens Relances", async () => {
    await signInAsDemo(page, server);
    await page.getByRole("link", { name: "Relances", exact: true }).click();
    await page.getByRole("heading", { name: "Relances", level: 1 }).waitFor();
    await page.getByText("Les factures en retard sont relancées en trois temps").waitFor();
  });

  it("pauses an overdue invoice with a reason, then resumes it", async () => {
    const view = (await (
      await page.request.get(`${server.url}/api/orgs/demo/reminders`)
    ).json()) as RemindersView;
    const first = view.due[0] ?? view.upcoming[0];
    expect(first, "the demo has an invoice to chase").toBeDefined();
    if (!first) return;
    const tab = view.due[0] ? /^À relancer/ : /^À venir/;
    await page.getByRole("tab", { name: tab }).click();
    const row = page.getByRole("row").filter({ hasText: first.invoice }).first();
    await row.getByRole("button", { name: "Mettre en pause" }).click();
    const dialog = page.getByRole("dialog", { name: "Mettre les relances en pause" });
    await dialog.waitFor();
    await page.keyboard.type("Paiement en trois fois convenu au téléphone");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("tab", { name: /^Arrêtées et en pause/ }).click();
    const stopped = page.getByTestId("reminders-stopped");
    await stopped.getByText(first.invoice).waitFor();
    await stopped
      .getByText(/En pause jusqu'au .*Paiement en trois fois convenu au téléphone/)
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/reminders-paused.png`, fullPage: true });
    await page.getByRole("button", { name: "Reprendre les relances" }).first().click();
    await page.getByText("Pauses en cours").waitFor({ state: "detached" });
  });

  it("previews a firm reminder for a business, with the penalties and the 40 € fee", async () => {
    await page.getByRole("tab", { name: "Calendrier et modèles" }).click();
    // SegmentedControl: its radio inputs are hidden behind their labels.
    await page.locator("label", { hasText: /^Relance ferme$/ }).click();
    await page.getByRole("button", { name: "Aperçu" }).click();
    const preview = page.getByTestId("reminder-preview");
    await preview.waitFor();
    const text = ((await preview.textContent()) ?? "").replace(/[\u202f\u00a0]/g, " ");
    expect(text).toContain("Bonjour Menuiserie Duval");
    expect(text).toContain("950,00 €");
    expect(text).toContain("indemnité forfaitaire pour frais de recouvrement de 40,00 €");
    expect(text).not.toMatch(/\{\{/);
    await page.screenshot({ path: `${SHOTS}/reminders-preview.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
