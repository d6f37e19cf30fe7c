/// <reference lib="dom" />
/**
 * Invoicing in a real browser, in French (issue 16): the demo owner drafts an invoice for a
 * business customer, types two lines with the keyboard, sees the totals follow as they type,
 * issues it and reads its number; the issued invoice shows no editor any more.
 */
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium } from "./launch-browser.ts";
import { openVisit, signInAsDemo } from "./sign-in.ts";
import type { RunningServer } from "./start-server.ts";

const SHOTS = `${new URL("..", import.meta.url).pathname}e2e/screenshots`;

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

describe.skipIf(!hasChromium())("an invoice drafted and issued in a browser", () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ server, browser, context, page } = await openVisit(pageErrors));
    await signInAsDemo(page, server);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it("drafts an invoice, totals live, issues it and shows its number", async () => {
    await page.getByRole("link", { name: "Factures" }).first().click();
    await page.waitForURL(/\/o\/demo\/invoices$/);
    await page.getByRole("heading", { name: "Factures" }).waitFor();
    await page.getByRole("textbox", { name: "Client (identifiant)" }).fill("c-sansregret");
    await page.getByRole("button", { name: "Créer le brouillon" }).click();
    await page.getByRole("heading", { name: "Facture (brouillon)" }).waitFor();

    // Keyboard only: type, Tab to the next cell.
    await page
      .getByRole("textbox", { name: "Désignation de la ligne 1" })
      .fill("Bottes sur mesure");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("2");
    await page.keyboard.press("Tab");
    await page.keyboard.type("150");
    await page.getByRole("button", { name: "Ajouter une ligne" }).click();
    await page.getByRole("textbox", { name: "Désignation de la ligne 2" }).fill("Cirage");
    await page.getByRole("textbox", { name: "Prix unitaire HT de la ligne 2" }).fill("10");
    await page.getByRole("combobox", { name: "TVA de la ligne 2" }).selectOption("5.5");
    const totals = page.getByTestId("invoice-totals");
    await expect
      .poll(() => totals.textContent())
      .toMatch(
        /Total HT\s*310,00\s€.*TVA 20 % sur 300,00\s€\s*60,00\s€.*TVA 5,5 % sur 10,00\s€\s*0,55\s€.*Total TTC\s*370,55\s€/,
      );
    await page.screenshot({ path: `${SHOTS}/invoice-draft.png`, fullPage: true });

    await page.getByRole("button", { name: "Émettre" }).click();
    const number = page.getByTestId("invoice-number");
    await number.waitFor();
    expect(await number.textContent()).toMatch(/^Numéro : \d{4}-\d{4}$/);
    await expect.poll(() => page.getByText("Reste dû : 370,55 €").count()).toBe(1);
    await expect(page.getByRole("button", { name: "Émettre" }).count()).resolves.toBe(0);
    await page.getByRole("link", { name: "Télécharger la facture (PDF)" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/invoice-issued.png`, fullPage: true });

    // The list shows it, issued.
    await page.getByRole("link", { name: "Factures" }).first().click();
    const row = page
      .getByTestId("invoices-table")
      .getByRole("row", { name: /Transports Sansregret/ });
    await expect.poll(() => row.first().textContent()).toMatch(/Émise.*370,55\s€/);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
