/// <reference lib="dom" />
/**
 * The web app under its Content-Security-Policy in a real browser (issue 15): every main page
 * renders with no violation reported (the browser's `securitypolicyviolation` events and its
 * console), and the policy is really enforced: a script injected inline does not run.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium } from "./launch-browser.ts";
import { openVisit, signInAsDemo } from "./sign-in.ts";
import type { RunningServer } from "./start-server.ts";

const PAGES = [
  "/o/demo",
  "/o/demo/customers",
  "/o/demo/customers/c-jolicoeur",
  "/o/demo/charter",
  "/o/demo/import",
  "/o/demo/intake/new",
  "/o/demo/inbox",
  "/o/demo/members",
  "/o/demo/catalogue",
  "/o/demo/incidents/new",
];

declare global {
  interface Window {
    __cspViolations: string[];
    __inlineRan?: boolean;
  }
}

describe.runIf(hasChromium())("the web app under its Content-Security-Policy", () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const consoleViolations: string[] = [];

  beforeAll(async () => {
    ({ server, browser, context, page } = await openVisit(pageErrors));
    // Recorded from the first script on, on every page the visit opens.
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener("securitypolicyviolation", (event) => {
        window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) {
        consoleViolations.push(message.text());
      }
    });
    await signInAsDemo(page, server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("serves the app with the policy", async () => {
    const response = await page.goto(`${server.url}/o/demo`);
    const csp = (await response?.allHeaders())?.["content-security-policy"] ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it.each(PAGES)("renders %s without a violation", async (path) => {
    await page.goto(`${server.url}${path}`);
    await page.waitForLoadState("networkidle");
    await expect
      .poll(() => page.locator("main h1, main h2").count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(consoleViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("blocks a script injected inline, and reports it", async () => {
    await page.goto(`${server.url}/o/demo`);
    await page.waitForLoadState("networkidle");
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__inlineRan = true";
      document.body.append(script);
    });
    await expect.poll(() => page.evaluate(() => window.__cspViolations.length)).toBe(1);
    expect(await page.evaluate(() => window.__inlineRan)).toBeUndefined();
    expect((await page.evaluate(() => window.__cspViolations))[0]).toMatch(/^script-src/);
  });
});
