/// <reference lib="dom" />
/**
 * The themes page on a phone-sized screen, in a real browser against the real server (demo
 * organization): the owner reads the themes of the demo's feedback, with the chart and quotes,
 * then renames a theme in the codebook and sees the new name on its card.
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

describe.skipIf(!hasChromium())("themes in the web app, on a phone", () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await buildWeb();
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
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

  it("shows each theme with its count, detractors, quotes and the chart of all themes", async () => {
    await page.goto(`${server.url}/o/demo/themes`);
    await page.getByRole("heading", { name: "Ce que disent vos clients" }).waitFor();
    await page.getByTestId("themes-chart").locator("svg").first().waitFor();
    const waiting = page.getByTestId("theme-waiting");
    await waiting.waitFor();
    expect(await waiting.getByRole("heading").textContent()).toBe("Attente et délais");
    expect(await waiting.textContent()).toMatch(/Détracteurs \(note de 0 à 6\) : \d+/);
    expect(await waiting.locator("blockquote").count()).toBeGreaterThan(0);
    expect(await page.getByText(/avis avec un texte, dont \d+ sans thème/).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/themes-phone.png`, fullPage: false });
  });

  it("lets the owner rename a theme in the codebook, and shows the new name", async () => {
    const name = page.getByLabel("Nom en français").nth(1);
    await name.fill("Délais et rendez-vous");
    await page.getByRole("button", { name: "Enregistrer les thèmes" }).click();
    await page.getByText("Thèmes enregistrés.").waitFor();
    await page
      .getByTestId("theme-waiting")
      .getByRole("heading", { name: "Délais et rendez-vous" })
      .waitFor();
    expect(pageErrors).toEqual([]);
  });
});
