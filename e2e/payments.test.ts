/// <reference lib="dom" />
/**
 * Payments at the counter in a real browser against the real server, in French: the demo
 * owner records a part payment on Agence Castagne's unpaid invoice from the customer page
 * with the keyboard (the amount starts at the balance), then the rest; the invoice is settled
 * and `unpaid` is gone from the scorecard. The payment journal page shows both entries, and
 * its verification says the chain is intact. Screenshots go to e2e/screenshots/.
 */
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomerResponse } from "../src/http/routes/customers/contract.ts";
import { hasChromium } from "./launch-browser.ts";
import { openVisit, signInAsDemo } from "./sign-in.ts";
import type { RunningServer } from "./start-server.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const SHOTS = `${ROOT}e2e/screenshots`;

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const url = (path: string) => `${server.url}${path}`;

async function getJson<T>(path: string): Promise<T> {
  const response = await page.request.get(url(path));
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

async function tabTo(selector: ReturnType<Page["locator"]>, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await selector.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error("could not reach the element with Tab");
}

const codes = (c: CustomerResponse) => c.scorecard?.signals.map((s) => s.code) ?? [];

describe.skipIf(!hasChromium())("payments in a browser", () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ server, browser, page } = await openVisit(pageErrors));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("signs in as the demo owner", async () => {
    await signInAsDemo(page, server);
  });

  it("records a part payment, then the rest, from the customer page with the keyboard", async () => {
    expect(codes(await getJson<CustomerResponse>("/api/orgs/demo/customers/c-castagne"))).toContain(
      "unpaid",
    );
    await page.goto(url("/o/demo/customers/c-castagne"));
    const form = page.getByRole("form", { name: "Enregistrer un paiement" });
    await form.waitFor();
    const amount = form.getByRole("textbox", { name: /Montant reçu/ });
    expect(await amount.inputValue()).toBe("1140,00");
    await tabTo(amount);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("400,00");
    const cash = form.getByRole("radio", { name: "Espèces" });
    await tabTo(form.getByRole("radio", { name: "Carte" }));
    await page.keyboard.press("ArrowLeft");
    expect(await cash.isChecked()).toBe(true);
    await tabTo(form.getByRole("button", { name: "Enregistrer le paiement" }));
    await page.keyboard.press("Enter");
    const done = page.getByTestId("payment-done");
    await done.waitFor();
    expect(await done.textContent()).toMatch(
      /Paiement de 400,00\s€ enregistré .* il reste 740,00\s€ à payer\./,
    );
    await page.screenshot({ path: `${SHOTS}/payment.png`, fullPage: true });
    // On the timeline, in words: the amount as money, the method, the member's name (no id).
    const entry = page
      .getByTestId("timeline")
      .locator("li", { hasText: "Moyen de paiement" })
      .last();
    const words = (await entry.textContent()) ?? "";
    expect(words).toMatch(/Montant\s:\s400,00\s€/);
    expect(words).toContain("espèces");
    expect(words).not.toContain("recorded_by");

    // The rest: the amount starts at what is left.
    expect(await amount.inputValue()).toBe("740,00");

    // More than what is left: refused, in French, and nothing recorded.
    await amount.fill("800,00");
    await form.getByRole("button", { name: "Enregistrer le paiement" }).click();
    const refused = form.locator('[data-error-code="PAYMENT_EXCEEDS_BALANCE"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain("Ce montant dépasse le reste dû sur la facture");
    await amount.fill("740,00");
    await tabTo(form.getByRole("button", { name: "Enregistrer le paiement" }));
    await page.keyboard.press("Enter");
    await page.getByText(/est soldée\./).waitFor();
    const after = await getJson<CustomerResponse>("/api/orgs/demo/customers/c-castagne");
    expect(codes(after)).not.toContain("unpaid");
  });

  it("shows the journal with both entries, and verifies it", async () => {
    await page.getByRole("link", { name: "Journal des paiements", exact: true }).click();
    await page.getByRole("heading", { name: "Journal des paiements", level: 1 }).waitFor();
    const rows = page.getByTestId("journal-entries").locator("tbody tr");
    expect(await rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain("740,00");
    await page.getByRole("button", { name: "Vérifier le journal" }).click();
    const check = page.getByTestId("journal-check");
    await check.waitFor();
    expect(await check.textContent()).toMatch(
      /Journal intact : vérifié le .* \(2 écritures, 0 clôtures\)\./,
    );
    await page.screenshot({ path: `${SHOTS}/payment-journal.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
