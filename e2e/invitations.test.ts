/// <reference lib="dom" />
/**
 * An invitation from end to end, with a real mail server: `comptoir serve` gets
 * COMPTOIR_SMTP_URL pointing at an smtp-server started here; the owner invites a new address
 * from the members page, the link is read from the mail actually received, opened in a fresh
 * browser context, the account is created there, and the newcomer lands in the organization
 * with the invited role, seeing only what that role allows.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionResponse } from "../src/http/routes/session/contract.ts";
import { startSmtp, type TestSmtp, waitFor } from "../src/http/test-smtp.ts";
import { buildWeb } from "./build-web.ts";
import { hasChromium, launchBrowser } from "./launch-browser.ts";
import { type RunningServer, startServer } from "./start-server.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const SHOTS = `${ROOT}e2e/screenshots`;
const NEWCOMER = "nadia.invitee@example.com";

let smtp: TestSmtp;
let server: RunningServer;
let browser: Browser;
let owner: Page;
let visitor: BrowserContext;
let invited: Page;
let link = "";
const pageErrors: string[] = [];

const url = (path: string) => `${server.url}${path}`;

describe.skipIf(!hasChromium())("an invitation mailed, opened and accepted in a browser", () => {
  beforeAll(async () => {
    smtp = await startSmtp();
    // start-server passes its environment on to `comptoir serve` (this file runs in its own fork).
    process.env.COMPTOIR_SMTP_URL = smtp.url;
    await buildWeb();
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    owner = await context.newPage();
    owner.setDefaultTimeout(30_000);
    owner.on("pageerror", (error) => pageErrors.push(error.message));
    visitor = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    invited = await visitor.newPage();
    invited.setDefaultTimeout(30_000);
    invited.on("pageerror", (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    delete process.env.COMPTOIR_SMTP_URL;
  });

  it("the owner invites a new address as counter staff, and the mail arrives", async () => {
    const session = (await (await fetch(url("/api/session"))).json()) as SessionResponse;
    if (!session.demo) throw new Error("the server is not in demo mode");
    await owner.goto(url("/sign-in"));
    await owner.getByLabel("Adresse e-mail").fill(session.demo.email);
    await owner.getByLabel("Mot de passe").fill(session.demo.password);
    await owner.getByRole("button", { name: "Se connecter" }).click();
    await owner.waitForURL(/\/o\/demo$/);

    await owner.goto(url("/o/demo/members"));
    await owner.getByTestId("members-table").waitFor();
    await owner.getByRole("textbox", { name: /E-mail/ }).fill(NEWCOMER);
    await owner.getByLabel("Rôle", { exact: true }).selectOption("staff");
    await owner.getByRole("button", { name: "Inviter", exact: true }).click();
    await owner.getByText(`Invitation envoyée à ${NEWCOMER}.`).waitFor();
    // A mail server is configured: no link to copy.
    expect(await owner.getByTestId("invitation-link").count()).toBe(0);

    await waitFor(() => smtp.received.some((m) => m.to.includes(NEWCOMER)));
    const mail = smtp.received.find((m) => m.to.includes(NEWCOMER));
    const found = /https?:\/\/[^\s]+\/invitations\/[\w-]+/.exec(mail?.body ?? "");
    if (!found) throw new Error(`no invitation link in the mail:\n${mail?.body}`);
    link = found[0];
    expect(link.startsWith(`${server.url}/invitations/`)).toBe(true);
  });

  it("the link opens in a fresh browser, where the newcomer creates the account and joins", async () => {
    await invited.goto(link);
    await invited.getByRole("heading", { name: /Rejoindre/, level: 1 }).waitFor();
    await invited.getByText(/avec le rôle Comptoir/).waitFor();
    const email = invited.getByLabel("Adresse e-mail");
    expect(await email.inputValue()).toBe(NEWCOMER);
    expect(await email.getAttribute("readonly")).not.toBeNull();
    await invited.getByLabel("Votre nom").fill("Nadia Invitée");
    await invited.getByLabel("Mot de passe").fill("cuir et semelles");
    await invited.screenshot({ path: `${SHOTS}/invitation-sign-up.png`, fullPage: true });
    await invited.getByRole("button", { name: "Créer mon compte et rejoindre" }).click();
    // Counter staff land on the customers, not on the dashboard.
    await invited.waitForURL(/\/o\/demo\/customers$/);
    await invited.getByTestId("customers-table").waitFor();
  });

  it("the newcomer is counter staff: no scorecards, no charter, no dashboard", async () => {
    const session = (await (
      await invited.request.get(url("/api/session"))
    ).json()) as SessionResponse;
    expect(session.user?.email).toBe(NEWCOMER);
    expect(session.organizations).toEqual([
      expect.objectContaining({ slug: "demo", role: "staff" }),
    ]);
    const nav = invited.getByRole("navigation", { name: "Navigation principale" });
    await nav.getByRole("link", { name: "Clients", exact: true }).waitFor();
    expect(await nav.getByRole("link", { name: "Charte", exact: true }).count()).toBe(0);
    expect(await nav.getByRole("link", { name: "Tableau de bord", exact: true }).count()).toBe(0);
    expect(await invited.getByTestId("customers-table").locator("[data-segment]").count()).toBe(0);
    expect((await invited.request.get(url("/api/orgs/demo/charter"))).status()).toBe(403);
    expect((await invited.request.get(url("/api/orgs/demo/dashboard"))).status()).toBe(403);
    await invited.goto(url("/o/demo/charter"));
    await invited.getByText("Votre rôle ne permet pas de voir cette page.").waitFor();
    await invited.screenshot({ path: `${SHOTS}/invitation-staff.png`, fullPage: true });
  });

  it("the owner sees the newcomer among the members with the invited role", async () => {
    await owner.reload();
    const table = owner.getByTestId("members-table");
    const row = table.locator("tbody tr").filter({ hasText: NEWCOMER });
    await row.waitFor();
    expect(await row.getByRole("combobox").inputValue()).toBe("staff");
    await owner
      .locator("section[aria-labelledby=invitations-title]")
      .getByText("Aucune invitation en attente.")
      .waitFor();
  });

  it("says so when the link was already used, or is not a link at all", async () => {
    await invited.goto(link);
    await invited.getByRole("alert").filter({ hasText: "déjà été utilisée" }).waitFor();
    await invited.goto(url("/invitations/not-a-real-invitation-secret"));
    await invited.getByRole("alert").filter({ hasText: "n'est pas valable" }).waitFor();
  });

  it("raised no script error", () => {
    expect(pageErrors).toEqual([]);
  });
});
