/// <reference lib="dom" />
/**
 * Customer value in a real browser against the real server (demo organization): the customer
 * page shows the « Valeur » card with its sentence, the dashboard the value scatter.
 */
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionResponse } from "../src/http/routes/session/contract.ts";
import { buildWeb } from "./build-web.ts";
import { hasChromium, launchBrowser } from "./launch-browser.ts";
import { type RunningServer, startServer } from "./start-server.ts";

const SHOTS = `${new URL("..", import.meta.url).pathname}e2e/screenshots`;
let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

describe.skipIf(!hasChromium())("customer value in the web app", () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await buildWeb();
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: "reduce",
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const session = (await (await fetch(`${server.url}/api/session`)).json()) as SessionResponse;
    if (!session.demo) throw new Error("the server is not in demo mode");
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel("Adresse e-mail").fill(session.demo.email);
    await page.getByLabel("Mot de passe").fill(session.demo.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(/\/o\/demo$/);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the value vs. cost to serve scatter on the dashboard, with how to read it", async () => {
    const scatter = page.getByTestId("value-scatter");
    await scatter.waitFor();
    await scatter.locator("svg .recharts-scatter-symbol").first().waitFor();
    expect(await page.getByTestId("value-scatter-text").textContent()).toMatch(
      /^Chaque point est un client/,
    );
    await scatter.screenshot({ path: `${SHOTS}/value-scatter.png` });
  });

  it("shows a customer's value card with the sentence that explains it", async () => {
    await page.goto(`${server.url}/o/demo/customers/c-roussel`);
    const card = page.getByTestId("value-card");
    await card.waitFor();
    expect(await card.getByRole("heading").textContent()).toBe("Valeur");
    expect(await page.getByTestId("value-sentence").textContent()).toMatch(
      /^Probabilité d'être encore client : \d+ %\. Sur 12 mois, on peut attendre/,
    );
    expect(await card.textContent()).toContain("Valeur nette");
    await card.screenshot({ path: `${SHOTS}/value-card.png` });
    expect(pageErrors).toEqual([]);
  });
});
