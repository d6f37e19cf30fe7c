/// <reference lib="dom" />
/**
 * Time by activity in a real browser against the real server: the demo owner starts the timer
 * on a customer's page, reloads the page (the timer is read back from the server), stops it,
 * and sees the entry in the customer's time by activity and on the timeline; then the report
 * of non-billable time ranks customers with its chart.
 */
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomerResponse } from "../src/http/routes/customers/contract.ts";
import type { CustomerTimeResponse } from "../src/http/routes/time/contract.ts";
import { hasChromium } from "./launch-browser.ts";
import { openVisit, signInAsDemo } from "./sign-in.ts";
import type { RunningServer } from "./start-server.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const SHOTS = `${ROOT}e2e/screenshots`;
const CUSTOMER = "c-marchetti";

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const url = (path: string) => `${server.url}${path}`;

async function chasingMinutes(): Promise<number> {
  const response = await page.request.get(url(`/api/orgs/demo/customers/${CUSTOMER}/time`));
  expect(response.status()).toBe(200);
  const time = (await response.json()) as CustomerTimeResponse;
  return time.activities.find((a) => a.activity === "chasing")?.minutes ?? 0;
}

describe.skipIf(!hasChromium())("time by activity in a browser", () => {
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

  it("starts the timer, finds it after a reload, stops it and sees the time on the customer page", async () => {
    const before = await chasingMinutes();
    await page.goto(url(`/o/demo/customers/${CUSTOMER}`));
    const card = page.getByTestId("customer-time");
    await card.getByRole("heading", { name: "Temps passé" }).waitFor();
    await card.getByLabel("Activité chronométrée").selectOption("chasing");
    await card.getByRole("button", { name: "Démarrer le chronomètre" }).click();
    await card.getByTestId("timer-running").waitFor();
    expect(await card.getByTestId("timer-running").textContent()).toContain("(relance)");

    await page.reload();
    const running = page.getByTestId("customer-time").getByTestId("timer-running");
    await running.waitFor();
    expect(await running.textContent()).toMatch(/^En cours depuis .+ : \d+ min \(relance\)$/);
    await page.screenshot({ path: `${SHOTS}/time-timer.png`, fullPage: false });

    await page.getByRole("button", { name: "Arrêter et enregistrer" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /^Temps enregistré : \d+ min \(relance\)\.$/ })
      .waitFor();
    await page.getByRole("button", { name: "Démarrer le chronomètre" }).waitFor();
    const after = await chasingMinutes();
    expect(after).toBeGreaterThan(before);
    // The table by activity shows the new total, and the timeline the entry.
    const row = page.getByTestId("time-by-activity").locator('[data-activity="chasing"]');
    const hours = Math.floor(after / 60);
    const shown =
      hours === 0 ? `${after} min` : `${hours} h ${String(after % 60).padStart(2, "0")}`;
    await expect.poll(async () => row.textContent()).toContain(shown);
    const customer = await page.request.get(url(`/api/orgs/demo/customers/${CUSTOMER}`));
    const timeline = ((await customer.json()) as CustomerResponse).timeline;
    const entry = timeline
      .filter((e) => e.type === "time")
      .sort((x, y) => (x.at < y.at ? 1 : -1))[0];
    expect(entry?.fields).toMatchObject({ activity: "chasing" });
    await page.locator(`[id="fact-${entry?.id}"]`).waitFor();
    await page.screenshot({ path: `${SHOTS}/time-customer.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it("ranks customers by non-billable time, with its chart", async () => {
    await page.getByRole("link", { name: "Temps non facturé", exact: true }).click();
    await page.getByRole("heading", { name: "Temps non facturé par client", level: 1 }).waitFor();
    await page.getByTestId("non-billable-chart").locator("svg").first().waitFor();
    const rows = page.getByTestId("non-billable-table").locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await page.getByTestId("non-billable-table").textContent()).toContain(
      "Bernard Marchetti",
    );
    await page.screenshot({ path: `${SHOTS}/time-report.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
