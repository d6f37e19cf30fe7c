/// <reference lib="dom" />
/**
 * The tokens page in a browser, against `comptoir serve`: the demo owner makes a token for a
 * script with the manager role and a 30-day life, copies its secret (shown once), the script
 * uses it (one organization, the manager's rights, no token-making), the page then shows its
 * last use, and revoking it shuts the script out.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium } from "./launch-browser.ts";
import { openVisit, signInAsDemo } from "./sign-in.ts";
import type { RunningServer } from "./start-server.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const SHOTS = `${ROOT}e2e/screenshots`;

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let secret = "";

describe.skipIf(!hasChromium())("API tokens made and revoked on the tokens page", () => {
  beforeAll(async () => {
    ({ server, browser, page } = await openVisit(pageErrors));
    await signInAsDemo(page, server);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("makes a manager token for 30 days, usable by a script in this organization only", async () => {
    await page.getByRole("link", { name: "Jetons d'API" }).click();
    await page.waitForURL(/\/o\/demo\/tokens$/);
    await page.getByText("Aucun jeton pour l'instant.").waitFor();
    await page.getByRole("textbox", { name: /^Nom/ }).fill("import du soir");
    await page.getByLabel("Rôle", { exact: true }).selectOption("manager");
    await page.getByLabel("Valable").selectOption("30");
    await page.getByRole("button", { name: "Créer le jeton" }).click();
    const shown = page.getByTestId("new-token");
    await shown.waitFor();
    expect(await shown.textContent()).toContain("il ne sera plus jamais affiché");
    const token = await shown.getByRole("textbox", { name: "Jeton" }).inputValue();
    expect(token).toMatch(/^cpt_/);
    secret = token;
    const row = page.getByTestId("tokens-table").getByRole("row", { name: /import du soir/ });
    expect(await row.textContent()).toContain("Responsable");
    expect(await row.textContent()).toContain("Jamais");

    const bearer = { authorization: `Bearer ${token}` };
    const session = await (await fetch(`${server.url}/api/session`, { headers: bearer })).json();
    expect(
      session.organizations.map((o: { slug: string; role: string }) => [o.slug, o.role]),
    ).toEqual([["demo", "manager"]]);
    const child = await fetch(`${server.url}/api/tokens`, {
      method: "POST",
      headers: { ...bearer, "content-type": "application/json" },
      body: JSON.stringify({ name: "child", org: "demo", role: "staff" }),
    });
    expect(child.status).toBe(403);
    expect((await child.json()).error.code).toBe("TOKEN_NOT_ALLOWED");

    await page.reload();
    const used = page.getByTestId("tokens-table").getByRole("row", { name: /import du soir/ });
    await used.waitFor();
    expect(await used.textContent()).not.toContain("Jamais");
    await page.screenshot({ path: `${SHOTS}/tokens-page.png`, fullPage: true });
  });

  it("revokes the token: the script is shut out at once", async () => {
    const list = await page.evaluate(async () => (await fetch("/api/tokens")).json());
    const token = list.items[0];
    await page.getByRole("button", { name: "Révoquer le jeton « import du soir »" }).click();
    await page.getByText("Aucun jeton pour l'instant.").waitFor();
    const gone = await page.evaluate(async () => (await fetch("/api/tokens")).json());
    expect(gone.items.map((t: { id: string }) => t.id)).not.toContain(token.id);
    const refused = await fetch(`${server.url}/api/session`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(refused.status).toBe(401);
    expect(pageErrors).toEqual([]);
  });
});
