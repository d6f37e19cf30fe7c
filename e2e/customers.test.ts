/// <reference lib="dom" />
/**
 * Customers as records, in a real browser against the real server, in French: the demo owner
 * creates a business customer from the customer list (a wrong SIREN is refused in words, next
 * to its field), finds it in the list, corrects its phone number, and reads the change in
 * words on the timeline; then archives it: it leaves the list and shows among the archived.
 * Screenshots go to e2e/screenshots/.
 */
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomerResponse } from "../src/http/routes/customers/contract.ts";
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

describe.skipIf(!hasChromium())("customer records in a browser", () => {
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

  it("creates a business customer from the list, refusing a wrong SIREN in words", async () => {
    await page.goto(url("/o/demo/customers"));
    await page.getByRole("button", { name: "Nouveau client" }).click();
    const dialog = page.getByRole("dialog", { name: "Nouveau client" });
    await dialog.getByRole("textbox", { name: "Nom" }).fill("Atelier Vermeil");
    await dialog.getByText("Entreprise", { exact: true }).click();
    await dialog.getByRole("textbox", { name: "E-mail" }).fill("contact@vermeil.test");
    await dialog.getByRole("textbox", { name: "Téléphone" }).fill("01 23 45 67 89");
    await dialog.getByRole("textbox", { name: "Adresse" }).fill("3 rue des Orfèvres\n69002 Lyon");
    await dialog.getByRole("textbox", { name: "SIREN" }).fill("443 061 842");
    await dialog
      .getByRole("textbox", { name: "N° de TVA intracommunautaire" })
      .fill("FR 64 443 061 841");
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    await dialog
      .getByText("La clé de contrôle du SIREN est fausse : vérifiez les chiffres.")
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/customer-new-error.png`, fullPage: true });

    await dialog.getByRole("textbox", { name: "SIREN" }).fill("443 061 841");
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("heading", { name: "Atelier Vermeil", level: 1 }).waitFor();
    const details = page.getByTestId("record-details");
    await details.getByText("443061841", { exact: true }).waitFor();
    expect(await details.textContent()).toContain("FR64443061841");
    expect(await details.textContent()).toContain("69002 Lyon");

    await page.goto(url("/o/demo/customers"));
    await page.getByRole("searchbox").first().fill("Vermeil");
    // The search goes into the address once typing stops: wait for it before leaving.
    await page.waitForURL(/q=Vermeil/);
    await page.getByRole("link", { name: "Atelier Vermeil" }).waitFor();
  });

  it("corrects the phone number, and the timeline says what changed", async () => {
    await page.getByRole("link", { name: "Atelier Vermeil" }).click();
    await page.getByRole("heading", { name: "Atelier Vermeil", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Modifier la fiche" }).click();
    const dialog = page.getByRole("dialog", { name: "Modifier la fiche de Atelier Vermeil" });
    const phone = dialog.getByRole("textbox", { name: "Téléphone" });
    expect(await phone.inputValue()).toBe("01 23 45 67 89");
    await phone.fill("04 72 00 00 01");
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByTestId("record-details").getByText("04 72 00 00 01").waitFor();
    const change = page.getByTestId("record-change").last();
    await change.getByText("Fiche modifiée").waitFor();
    expect(await change.textContent()).toContain("Téléphone : 01 23 45 67 89 → 04 72 00 00 01");
    expect(await page.getByTestId("timeline").textContent()).not.toContain("{");
    await page.screenshot({ path: `${SHOTS}/customer-edited.png`, fullPage: true });

    const id = new URL(page.url()).pathname.split("/").at(-1) as string;
    const record = await page.request.get(url(`/api/orgs/demo/customers/${id}`));
    const body = (await record.json()) as CustomerResponse;
    expect(body.customer).toMatchObject({ phone: "04 72 00 00 01", siren: "443061841" });
  });

  it("archives the customer: out of the list, among the archived", async () => {
    await page.getByRole("button", { name: "Archiver" }).click();
    await page.getByText("Archivé", { exact: true }).waitFor();
    await page.goto(url("/o/demo/customers"));
    await page.getByRole("searchbox").first().fill("Vermeil");
    await page.getByText("Aucun client ne correspond.").waitFor();
    await page.getByRole("checkbox", { name: "Clients archivés seulement" }).check();
    await page.getByRole("link", { name: "Atelier Vermeil" }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
