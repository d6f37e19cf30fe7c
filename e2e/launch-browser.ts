/** Debian's chromium through playwright-core (which cannot download a browser here). */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** COMPTOIR_CHROMIUM, as scripts/test.js reads it; CHROMIUM_PATH still works as an alias. */
export const CHROMIUM =
  process.env.COMPTOIR_CHROMIUM ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
