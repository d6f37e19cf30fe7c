/// <reference lib="dom" />
/**
 * The business identity in a real browser, in French (issue 14). The demo workshop has its
 * catalogue and customers but no identity and no intake yet: the dashboard's first steps say
 * 2 of 4. The owner follows the link, fills the identity in (a wrong SIREN first, refused
 * under its field), tries a file that is not an image, sets a real PNG logo: 3 of 4. A first
 * intake from the checklist's link, and the checklist is gone; that intake's receipt carries
 * the identity and the logo. Screenshots go to e2e/screenshots/.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium } from "./launch-browser.ts";
import { openVisit, signInAsDemo } from "./sign-in.ts";
import type { RunningServer } from "./start-server.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const SHOTS = `${ROOT}e2e/screenshots`;

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
let orderId = "";

const url = (path: string) => `${server.url}${path}`;

/** The PDF's text as poppler's pdftotext lays it out. */
function pdftotext(pdf: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), "comptoir-e2e-pdf-")), "receipt.pdf");
  writeFileSync(path, pdf);
  return execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" });
}

describe.skipIf(!hasChromium())("the business identity, filled in a browser", () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ server, browser, context, page } = await openVisit(pageErrors));
    await signInAsDemo(page, server);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it("shows the first steps on the dashboard: 2 of 4, the identity and the intake to do", async () => {
    const card = page.getByTestId("first-steps");
    await card.waitFor();
    await expect(card.getByTestId("first-steps-progress").textContent()).resolves.toBe(
      "2 sur 4 faites",
    );
    const done = (step: string) => card.locator(`[data-step=${step}]`).getAttribute("data-done");
    expect(await done("identity")).toBe("false");
    expect(await done("services")).toBe("true");
    expect(await done("customers")).toBe("true");
    expect(await done("intake")).toBe("false");
    await page.screenshot({ path: `${SHOTS}/first-steps.png`, fullPage: true });
    await card.getByRole("link", { name: "Renseigner l'identité" }).click();
    await page.waitForURL(/\/o\/demo\/identity$/);
    await page.getByRole("heading", { name: "Identité de l'entreprise" }).waitFor();
  });

  it("refuses a wrong SIREN under its field, in French, and saves nothing", async () => {
    await page.getByRole("textbox", { name: "Raison sociale" }).fill("Martin et Fils");
    await page.getByRole("textbox", { name: "Forme juridique" }).fill("SARL");
    await page.getByRole("textbox", { name: "Capital social" }).fill("5000");
    await page.getByRole("textbox", { name: "Rue" }).fill("3 rue Oberkampf");
    await page.getByRole("textbox", { name: "Code postal" }).fill("75011");
    await page.getByRole("textbox", { name: "Ville", exact: true }).fill("Paris");
    await page.getByRole("textbox", { name: "SIREN" }).fill("443 061 842");
    await page.getByRole("textbox", { name: "SIRET" }).fill("443 061 841 00047");
    await page.getByRole("combobox", { name: "Registre" }).selectOption("rcs");
    await page
      .getByRole("textbox", { name: "Ville du greffe ou de la chambre de métiers" })
      .fill("Paris");
    await page.getByRole("radio", { name: "Numéro de TVA intracommunautaire" }).check();
    await page
      .getByRole("textbox", { name: "Numéro de TVA intracommunautaire" })
      .fill("FR 64 443 061 841");
    await page.getByRole("textbox", { name: "E-mail" }).fill("atelier@martin.example");
    await page.getByRole("textbox", { name: "Téléphone" }).fill("01 23 45 67 89");
    await page.getByRole("textbox", { name: "Site web" }).fill("www.martin.example");
    await page.getByRole("button", { name: "Enregistrer l'identité" }).click();

    await page.getByText("la clé de contrôle est fausse (clé de Luhn)").waitFor();
    await page.getByText("Corrigez les champs signalés : rien n'a été enregistré.").waitFor();
    const siren = page.getByRole("textbox", { name: "SIREN" });
    expect(await siren.getAttribute("aria-invalid")).toBe("true");
    const saved = await page.request.get(url("/api/orgs/demo/identity"));
    expect((await saved.json()).identity).toBeNull();
  });

  it("saves the corrected identity, and says it is complete", async () => {
    await page.getByRole("textbox", { name: "SIREN" }).fill("443 061 841");
    await page.getByRole("button", { name: "Enregistrer l'identité" }).click();
    await page.getByText("Identité enregistrée.").waitFor();
    await page.getByText("Identité complète : vos documents la portent.").waitFor();
  });

  it("refuses a file that is not an image, then keeps a real PNG, downscaled", async () => {
    const input = page.locator("input[type=file]");
    await input.setInputFiles({
      name: "logo.png",
      mimeType: "image/png",
      buffer: Buffer.from("ceci n'est pas une image"),
    });
    await expect(page.getByTestId("logo-error").textContent()).resolves.toBe(
      "ce fichier n'est pas une image reconnue ; envoyez une image PNG ou JPEG",
    );

    const png = await sharp({
      create: { width: 1200, height: 400, channels: 3, background: "#2b5d8a" },
    })
      .png()
      .toBuffer();
    await input.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
    await page.getByText("Logo enregistré.").waitFor();
    const logo = page.getByTestId("identity-logo");
    await logo.waitFor();
    await expect
      .poll(() => logo.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBe(600);
    await page.screenshot({ path: `${SHOTS}/identity.png`, fullPage: true });
  });

  it("ticks the identity on the dashboard: 3 of 4", async () => {
    await page.getByRole("link", { name: "Tableau de bord" }).click();
    await page.waitForURL(/\/o\/demo$/);
    const card = page.getByTestId("first-steps");
    await expect
      .poll(() => card.getByTestId("first-steps-progress").textContent())
      .toBe("3 sur 4 faites");
    expect(await card.locator("[data-step=identity]").getAttribute("data-done")).toBe("true");
  });

  it("takes a first intake from the checklist, and the checklist is gone", async () => {
    const customers = await page.request.get(url("/api/orgs/demo/customers?pageSize=1"));
    const name = ((await customers.json()) as { items: { name: string }[] }).items[0].name;
    await page.getByTestId("first-steps").getByRole("link", { name: "Nouveau dépôt" }).click();
    await page.waitForURL(/\/intake\/new$/);
    await page.getByRole("searchbox", { name: "Rechercher un client" }).fill(name);
    await page.getByRole("button", { name: `Choisir ${name}` }).click();
    await page.getByTestId("picked-customer").waitFor();
    await page.getByRole("textbox", { name: "Objet ou demande" }).fill("Pantalon en laine, ourlet");
    await page
      .getByRole("combobox", { name: "Prestation" })
      .selectOption({ label: "Ourlet de pantalon" });
    await page.getByRole("button", { name: "Enregistrer la prise en charge" }).click();
    await page.waitForURL(/\/intake\/(?!new)[^/]+$/);
    orderId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");

    await page.getByRole("link", { name: "Tableau de bord" }).click();
    await page.waitForURL(/\/o\/demo$/);
    await page.getByTestId("segment-count-steady").waitFor();
    await expect.poll(() => page.getByTestId("first-steps").count()).toBe(0);
  });

  it("prints the identity and the logo on that intake's receipt", async () => {
    const receipt = await page.request.get(url(`/api/orgs/demo/intake/${orderId}/receipt.pdf`));
    expect(receipt.status()).toBe(200);
    const pdf = Buffer.from(await receipt.body());
    const text = pdftotext(pdf);
    expect(text).toContain("Martin et Fils, SARL au capital de 5 000 €");
    expect(text).toContain("SIRET 443 061 841 00047 · RCS Paris 443 061 841");
    expect(text).toContain("N° TVA intracommunautaire FR64443061841");
    expect(pdf.toString("latin1")).toContain("/Subtype /Image");
  });

  it("explains each charter limit with its default and its unit", async () => {
    await page.goto(url("/o/demo/charter"));
    await page.getByTestId("charter-defaults-note").waitFor();
    await page.getByText("Par défaut : 40,00 €").waitFor();
    await page.getByText("Par défaut : 30 jours").first().waitFor();
    await page.getByText("Par défaut : 10 %").waitFor();
    expect(pageErrors).toEqual([]);
  });
});
