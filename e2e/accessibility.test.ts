/// <reference lib="dom" />
/**
 * Accessibility of the main pages in a real browser against the real server: axe-core's
 * WCAG 2 A and AA rules on every page, in French and in English, at desktop size and on a
 * phone (390x844). Any violation of impact serious or critical fails, naming the rule, the
 * element and the page. The first stops reached with Tab show a focus ring, and on the
 * phone no page may scroll sideways.
 */
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionResponse } from "../src/http/routes/session/contract.ts";
import { buildWeb } from "./build-web.ts";
import { hasChromium, launchBrowser } from "./launch-browser.ts";
import { type RunningServer, startServer } from "./start-server.ts";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** The pages audited once signed in, with the demo organization's data. */
const PAGES = [
  { name: "dashboard", path: "/o/demo" },
  { name: "customers", path: "/o/demo/customers" },
  { name: "customer", path: "/o/demo/customers/c-jolicoeur" },
  { name: "charter", path: "/o/demo/charter" },
  { name: "themes", path: "/o/demo/themes" },
  { name: "import", path: "/o/demo/import" },
  { name: "intake new", path: "/o/demo/intake/new" },
  { name: "inbox", path: "/o/demo/inbox" },
  { name: "members", path: "/o/demo/members" },
  { name: "catalogue", path: "/o/demo/catalogue" },
  { name: "incident form", path: "/o/demo/incidents/new" },
  { name: "identity", path: "/o/demo/identity" },
  { name: "customer with an open invoice", path: "/o/demo/customers/c-castagne" },
  { name: "payment journal", path: "/o/demo/payments" },
];

/**
 * Elements axe may not judge, each with why. Keep this list short: fix the page instead
 * whenever the markup is ours.
 */
const EXCLUDED: string[] = [];

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

const LANGUAGES = ["fr", "en"] as const;

interface Finding {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

interface AxeResult {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown[] }[];
  }[];
}

let server: RunningServer;
let browser: Browser;
let demo: { email: string; password: string };
const url = (path: string) => `${server.url}${path}`;

async function newContext(
  language: (typeof LANGUAGES)[number],
  viewport: (typeof VIEWPORTS)[number],
): Promise<BrowserContext> {
  const context = await browser.newContext({
    // axe is injected as a script of the test's own: the app's CSP (checked in
    // content-security.test.ts) would block it.
    bypassCSP: true,
    viewport: { width: viewport.width, height: viewport.height },
    reducedMotion: "reduce",
  });
  // The app reads the language from localStorage before its first render.
  await context.addInitScript((lang) => localStorage.setItem("comptoir.lang", lang), language);
  return context;
}

/** Signs in without button names, so that it works in either language (unlike sign-in.ts). */
async function signIn(page: Page): Promise<void> {
  await page.goto(url("/sign-in"));
  await page.locator("input[type=email]").fill(demo.email);
  await page.locator("input[type=password]").fill(demo.password);
  await page.locator("form button[type=submit]").click();
  await page.waitForURL(/\/o\/demo$/);
}

/** Waits until the page has its heading and no loader or pending request left. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.locator("h1").first().waitFor();
  await page.waitForFunction(() => document.querySelector(".mantine-Loader-root") === null);
}

async function audit(page: Page, label: string): Promise<Finding[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const result = (await page.evaluate(
    (exclude) =>
      (
        window as unknown as {
          axe: { run(context: unknown, options: unknown): Promise<unknown> };
        }
      ).axe.run(
        { include: [document], exclude: exclude.map((selector) => [selector]) },
        { runOnly: ["wcag2a", "wcag2aa"] },
      ),
    EXCLUDED,
  )) as AxeResult;
  return result.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      page: label,
      rule: violation.id,
      impact: violation.impact ?? "",
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
}

/**
 * Tabs through the first few stops from the top of the page and names those that show no
 * focus ring (an outline or Mantine's box-shadow).
 */
async function focusWithoutRing(page: Page, stops = 3): Promise<string[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const missing: string[] = [];
  for (let stop = 0; stop < stops; stop++) {
    await page.keyboard.press("Tab");
    const found = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const ring =
        (style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0) ||
        style.boxShadow !== "none";
      const name = `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 40)}"`;
      return { ring, name };
    });
    if (found && !found.ring) missing.push(found.name);
  }
  return missing;
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

function report(findings: Finding[]): string {
  return findings
    .map(
      (finding) =>
        `${finding.page}: ${finding.rule} (${finding.impact}) ${finding.help}\n` +
        finding.targets.map((target) => `    ${target}`).join("\n"),
    )
    .join("\n");
}

describe.skipIf(!hasChromium())("accessibility of the main pages", () => {
  beforeAll(async () => {
    await buildWeb();
    server = await startServer();
    browser = await launchBrowser();
    const session = (await (await fetch(url("/api/session"))).json()) as SessionResponse;
    if (!session.demo) throw new Error("the server is not in demo mode");
    demo = session.demo;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const language of LANGUAGES) {
    for (const viewport of VIEWPORTS) {
      it(`passes axe (WCAG A/AA), shows focus and fits the screen in ${language} on ${viewport.name}`, async () => {
        const context = await newContext(language, viewport);
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        const pageErrors: string[] = [];
        page.on("pageerror", (error) => pageErrors.push(error.message));
        const findings: Finding[] = [];
        const overflowing: string[] = [];
        const unfocused: string[] = [];
        const headings = new Set<string>();
        const check = async (name: string) => {
          const label = `${name} (${language}, ${viewport.name}) ${page.url()}`;
          // Each page shows its own title, so none of them is an error or "not found" page.
          headings.add((await page.locator("h1").first().textContent()) ?? "");
          findings.push(...(await audit(page, label)));
          for (const element of await focusWithoutRing(page)) {
            unfocused.push(`${label}: ${element}`);
          }
          if (viewport.name === "phone") {
            const overflow = await horizontalOverflow(page);
            if (overflow > 1) overflowing.push(`${label}: ${overflow}px too wide`);
          }
        };

        await page.goto(url("/sign-in"));
        await settle(page);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
        await check("sign-in");
        await signIn(page);
        for (const target of PAGES) {
          await page.goto(url(target.path));
          await settle(page);
          await check(target.name);
        }
        await context.close();

        expect.soft(report(findings)).toBe("");
        expect.soft(overflowing).toEqual([]);
        expect.soft(unfocused).toEqual([]);
        expect.soft(headings.size).toBe(PAGES.length + 1);
        expect.soft(pageErrors).toEqual([]);
      }, 180_000);
    }
  }
});
