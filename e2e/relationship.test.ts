/// <reference lib="dom" />
/**
 * Protecting the staff and parting ways, in a real browser against the real server: the demo
 * owner reports an incident from the navigation, with the keyboard only, and the customer's
 * scorecard turns part_ways; then ends the relationship with Grégoire Vasseur (who threatened
 * Karine) with a reason, the recommendation's evidence and an edited letter, and the customer
 * shows as "relationship ended" on the customer page, in the list and at intake.
 * Screenshots go to e2e/screenshots/.
 */
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomerResponse } from "../src/http/routes/customers/contract.ts";
import type { RelationshipResponse } from "../src/http/routes/relationships/contract.ts";
import { hasChromium } from "./launch-browser.ts";
import { openVisit, signInAsDemo } from "./sign-in.ts";
import type { RunningServer } from "./start-server.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const SHOTS = `${ROOT}e2e/screenshots`;

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const url = (path: string) => `${server.url}${path}`;

async function getJson<T>(path: string): Promise<T> {
  const response = await page.request.get(url(path));
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

/** Presses Tab until the element is focused (keyboard use, no clicks). */
async function tabTo(selector: ReturnType<Page["locator"]>, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await selector.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error("could not reach the element with Tab");
}

describe.skipIf(!hasChromium())("incidents and parting ways in a browser", () => {
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

  it("reports a threat from the navigation with the keyboard, and the customer turns part_ways", async () => {
    const before = await getJson<CustomerResponse>("/api/orgs/demo/customers/c-marchetti");
    expect(before.scorecard?.segment).not.toBe("part_ways");
    await page.getByRole("link", { name: "Signaler un incident", exact: true }).click();
    await page.getByRole("heading", { name: "Signaler un incident", level: 1 }).waitFor();

    const search = page.getByRole("searchbox", { name: "Chercher un client (nom ou identifiant)" });
    await search.focus();
    await page.keyboard.type("Marchetti");
    const pick = page.getByRole("button", { name: "Choisir Bernard Marchetti" });
    await tabTo(pick);
    await page.keyboard.press("Enter");
    await page.getByTestId("incident-customer").getByText("Bernard Marchetti").waitFor();

    // Radios: Tab into the group, arrows move between severities.
    const rude = page.getByRole("radio", { name: "1 — Impoli" });
    await tabTo(rude);
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const threat = page.getByRole("radio", {
      name: "3 — Menace, harcèlement, discrimination ou violence",
    });
    expect(await threat.isChecked()).toBe(true);
    const staff = page.getByRole("textbox", { name: "Membre de l'équipe concerné" });
    await tabTo(staff);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("Karine");
    await page.keyboard.press("Tab");
    await page.keyboard.type("A menacé Karine de revenir « régler ça dehors ».");
    // The date stays empty (today); on to the button, still with Tab.
    await tabTo(page.getByRole("button", { name: "Enregistrer l'incident" }));
    await page.keyboard.press("Enter");
    await page.getByTestId("incident-done").waitFor();
    await page.screenshot({ path: `${SHOTS}/incident.png`, fullPage: true });

    const after = await getJson<CustomerResponse>("/api/orgs/demo/customers/c-marchetti");
    expect(after.scorecard?.segment).toBe("part_ways");
    const incident = after.timeline.find(
      (e) => e.type === "incident" && e.fields.staff === "Karine",
    );
    expect(incident?.fields).toMatchObject({ severity: 3 });
    const abusive = after.scorecard?.signals.find((s) => s.code === "abusive");
    expect(abusive?.evidence).toContain(incident?.id);
  });

  it("shows the recommendation on the customer page and ends the relationship with a letter", async () => {
    await page.goto(url("/o/demo/customers/c-vasseur"));
    await page.getByTestId("part-ways-recommendation").waitFor();
    expect(
      await page.getByTestId("part-ways-recommendation").getAttribute("data-recommended"),
    ).toBe("true");
    await page.getByRole("link", { name: "Mettre fin à la relation" }).click();
    await page.waitForURL(/\/customers\/c-vasseur\/part-ways$/);
    await page.getByRole("heading", { name: /Mettre fin à la relation avec/, level: 1 }).waitFor();

    // Prefilled: the reason (abusive), its evidence, and the door closed (zero tolerance).
    expect(await page.getByRole("radio", { name: "Comportement abusif" }).isChecked()).toBe(true);
    expect(
      await page.getByRole("radio", { name: "La porte est fermée (tolérance zéro)" }).isChecked(),
    ).toBe(true);
    const relationship = await getJson<RelationshipResponse>(
      "/api/orgs/demo/customers/c-vasseur/relationship",
    );
    expect(relationship.recommendation.evidence.length).toBeGreaterThan(0);
    for (const id of relationship.recommendation.evidence) {
      expect(
        await page.getByTestId("evidence-list").locator(`input[value="${id}"]`).isChecked(),
      ).toBe(true);
    }

    await page
      .getByRole("textbox", { name: "Explication écrite" })
      .fill("Vous avez menacé Karine au comptoir pour un remboursement hors garantie.");
    await page.getByRole("button", { name: "Rédiger la lettre" }).click();
    const letter = page.getByTestId("letter");
    await expect.poll(() => letter.inputValue()).toContain("le comportement envers notre équipe");
    expect(await letter.inputValue()).toContain("Cette décision est définitive.");
    await letter.fill(`${await letter.inputValue()}\n\nP.-S. Karine vous souhaite bonne route.`);
    await page.screenshot({ path: `${SHOTS}/part-ways.png`, fullPage: true });
    await page.getByRole("button", { name: "Confirmer la fin de la relation" }).click();
    await page.waitForURL(/\/customers\/c-vasseur$/);

    await page.getByTestId("relationship-ended-alert").waitFor();
    expect(await page.getByTestId("relationship-ended-alert").textContent()).toContain(
      "La porte est fermée.",
    );
    await page.getByTestId("decisions").getByText("Raison : Comportement abusif").waitFor();
    await page.screenshot({ path: `${SHOTS}/relationship-ended.png`, fullPage: true });

    const recorded = await getJson<RelationshipResponse>(
      "/api/orgs/demo/customers/c-vasseur/relationship",
    );
    expect(recorded.status).toBe("ended");
    const [decision] = recorded.decisions;
    expect(decision.letterText).toContain("Karine vous souhaite bonne route");
    const pdf = await page.request.get(
      url(`/api/orgs/demo/customers/c-vasseur/relationship/decisions/${decision.id}/letter.pdf`),
    );
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
  });

  it("shows the customer as ended in the list and warns at intake", async () => {
    await page.goto(url("/o/demo/customers"));
    await page.getByRole("searchbox").first().fill("Vasseur");
    const row = page.getByTestId("customers-table").getByRole("row", { name: /Vasseur/ });
    await row.getByTestId("relationship-ended").waitFor();

    await page.goto(url("/o/demo/intake/new"));
    await page.getByRole("searchbox", { name: "Rechercher un client" }).fill("Vasseur");
    await page.getByRole("button", { name: "Choisir Grégoire Vasseur" }).click();
    await page.getByTestId("relationship-ended-alert").waitFor();
    expect(await page.getByTestId("relationship-ended-alert").textContent()).toContain(
      "Le propriétaire a mis fin à la relation",
    );
    expect(pageErrors).toEqual([]);
  });
});
