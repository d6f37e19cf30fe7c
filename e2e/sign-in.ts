/**
 * The start of a browser visit shared by the e2e stories: the web app built, `comptoir serve`
 * running on its demo data, and one desktop page in chromium; then signing in as the demo
 * owner with the sign-in page's own "fill with the demo account" button.
 * @example ({ server, browser, context, page } = await openVisit(pageErrors));
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { SessionResponse } from "../src/http/routes/session/contract.ts";
import { buildWeb } from "./build-web.ts";
import { launchBrowser } from "./launch-browser.ts";
import { type RunningServer, startServer } from "./start-server.ts";

export interface Visit {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/** A 1280×900 page with reduced motion; the page's uncaught errors are pushed to `pageErrors`. */
export async function openVisit(pageErrors: string[]): Promise<Visit> {
  await buildWeb();
  const server = await startServer();
  const browser = await launchBrowser();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return { server, browser, context, page };
}

/** Signs `page` in as the demo owner and waits for the demo organization's dashboard. */
export async function signInAsDemo(page: Page, server: RunningServer): Promise<void> {
  await page.goto(`${server.url}/sign-in`);
  const session = (await (await fetch(`${server.url}/api/session`)).json()) as SessionResponse;
  if (!session.demo) throw new Error("the server is not in demo mode");
  await page.getByRole("button", { name: "Remplir avec le compte démo" }).click();
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(/\/o\/demo$/);
}
