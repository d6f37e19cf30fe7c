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

describe.skipIf(!hasChromium())("changes and 'you said, we did', on a phone", () => {
  beforeAll(async () => {
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

  it("records a change for a theme, marks it done, and says how many people will be told", async () => {
    await page.goto(`${server.url}/o/demo/themes`);
    const section = page.getByTestId("theme-changes");
    await section.getByRole("heading", { name: "Ce que vous changez" }).waitFor();
    await section
      .getByLabel("Le changement, comme vos clients le liront")
      .fill("Nous donnons désormais une date de retrait écrite");
    await section.getByRole("checkbox", { name: "Attente et délais" }).check();
    await section.getByRole("button", { name: "Enregistrer le changement" }).click();
    const card = section.locator("[data-testid^='theme-change-chg-']").first();
    await card.getByText("Nous donnons désormais une date de retrait écrite").waitFor();
    expect(await card.textContent()).toContain("Prévu");
    await card.getByRole("button", { name: "Marquer comme fait" }).click();
    await card.getByText("Fait", { exact: true }).waitFor();
    const told = await card
      .getByText(/Personnes concernées : \d+|Personne à prévenir/)
      .textContent();
    expect(told).toMatch(/en attente de l'e-mail du lendemain|Personne à prévenir/);
    expect(told).not.toMatch(/envoyé/i);
    await page.screenshot({ path: `${SHOTS}/theme-changes-phone.png`, fullPage: false });
    expect(pageErrors).toEqual([]);
  });
});
