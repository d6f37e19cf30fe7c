/// <reference lib="dom" />
/**
 * A real business's first hour, in one browser session, in French (issue 14): on a fresh
 * instance without demo, a visitor signs up and confirms the address through the mail a real
 * SMTP server received, creates the workshop, fills its identity and sets a logo, adds a
 * service to the catalogue, creates a customer from the customer list, takes a first intake
 * and gets a receipt that carries the identity and the logo; then takes the whole ledger out
 * again. Each page is photographed to e2e/screenshots/first-hour-*.png for review.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchBrowser } from "./launch-browser.ts";
import {
  createWorkshop,
  type FreshInstance,
  fillWorkshop,
  setupLinkOf,
  signUpAndVerify,
  startFreshInstance,
} from "./open-for-business.ts";

const SHOTS = new URL("screenshots", import.meta.url).pathname;

let instance: FreshInstance;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const SLUG = "cordonnerie-dupuis";
let orderId = "";

const url = (path: string) => `${instance.server.url}${path}`;
const shot = (name: string) =>
  page.screenshot({ path: `${SHOTS}/first-hour-${name}.png`, fullPage: true });

/** The PDF's text as poppler's pdftotext lays it out. */
function pdftotext(pdf: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), "comptoir-e2e-pdf-")), "receipt.pdf");
  writeFileSync(path, pdf);
  return execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" });
}

describe.skipIf(!hasChromium())("a real business's first hour, in one browser session", () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    instance = await startFreshInstance();
    browser = await launchBrowser();
    // The instance's first account comes from the setup link printed at start: whoever runs
    // the server. The story's visitor comes after, through the public sign-up.
    const admin = await browser.newPage();
    await admin.goto(setupLinkOf(instance.server));
    await admin.getByLabel("Votre nom").fill("Éloïse Admin");
    await admin.getByLabel("Adresse e-mail").fill("eloise@hebergeur.test");
    await admin.getByLabel("Mot de passe").fill("heel and sole since 1987");
    await fillWorkshop(admin, { name: "Hébergeur", trade: "réparation" });
    await admin.getByRole("button", { name: "Créer mon atelier" }).click();
    await admin.waitForURL(/\/o\/hebergeur$/);
    await admin.context().close();

    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: "fr-FR",
      timezoneId: "Europe/Paris",
    });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on("pageerror", (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await instance?.stop();
  });

  it("signs up, confirms the address from the mail received, and creates the workshop", async () => {
    await signUpAndVerify(page, instance, {
      name: "Paul Dupuis",
      email: "paul@cordonnerie-dupuis.test",
      password: "cuir tanné et fil poissé 1952",
    });
    await page.waitForURL(/\/new-organization$/);
    await shot("1-new-workshop");
    await createWorkshop(page, { name: "Cordonnerie Dupuis", trade: "cordonnerie" });
    expect(page.url()).toMatch(new RegExp(`/o/${SLUG}$`));
    const card = page.getByTestId("first-steps");
    await expect
      .poll(() => card.getByTestId("first-steps-progress").textContent())
      .toBe("0 sur 4 faites");
    await shot("2-dashboard-empty");
  });

  it("fills the identity and sets a logo", async () => {
    await page
      .getByTestId("first-steps")
      .getByRole("link", { name: "Renseigner l'identité" })
      .click();
    await page.getByRole("heading", { name: "Identité de l'entreprise" }).waitFor();
    await page.getByRole("textbox", { name: "Raison sociale" }).fill("Cordonnerie Dupuis");
    await page.getByRole("textbox", { name: "Forme juridique" }).fill("EI");
    await page.getByRole("textbox", { name: "Rue" }).fill("12 rue des Tanneurs");
    await page.getByRole("textbox", { name: "Code postal" }).fill("69001");
    await page.getByRole("textbox", { name: "Ville", exact: true }).fill("Lyon");
    await page.getByRole("textbox", { name: "SIREN" }).fill("443 061 841");
    await page.getByRole("combobox", { name: "Registre" }).selectOption("rm");
    await page
      .getByRole("textbox", { name: "Ville du greffe ou de la chambre de métiers" })
      .fill("Lyon");
    await page.getByRole("radio", { name: "Franchise en base de TVA" }).check();
    await page.getByRole("textbox", { name: "Téléphone" }).fill("04 78 00 00 00");
    await page.getByRole("button", { name: "Enregistrer l'identité" }).click();
    await page.getByText("Identité enregistrée.").waitFor();

    const png = await sharp({
      create: { width: 800, height: 300, channels: 3, background: "#7a4b2a" },
    })
      .png()
      .toBuffer();
    await page.locator("input[type=file]").setInputFiles({
      name: "logo.png",
      mimeType: "image/png",
      buffer: png,
    });
    await page.getByText("Logo enregistré.").waitFor();
    await shot("3-identity");
  });

  it("adds a service to the catalogue, with its known risk", async () => {
    await page.goto(url(`/o/${SLUG}/catalogue`));
    await page.getByRole("button", { name: "Ajouter une prestation" }).first().click();
    const form = page.getByRole("form", { name: "Prestation" });
    await form.getByRole("textbox", { name: "Nom" }).fill("Ressemelage cuir");
    await form.getByRole("textbox", { name: "Prix par défaut" }).fill("45");
    await form.getByRole("textbox", { name: "Garantie (jours)" }).fill("90");
    await form
      .getByRole("textbox", { name: "Nouveau risque" })
      .fill("semelle en plastique : la réparation collée restera visible");
    await form.getByRole("button", { name: "Ajouter le risque" }).click();
    await form.getByRole("button", { name: "Enregistrer la prestation" }).click();
    await page.getByRole("cell", { name: "Ressemelage cuir" }).first().waitFor();
    await shot("4-catalogue");
  });

  it("creates a customer from the customer list", async () => {
    await page.goto(url(`/o/${SLUG}/customers`));
    await page.getByRole("button", { name: "Nouveau client" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Nouveau client" });
    await dialog.getByRole("textbox", { name: "Nom" }).fill("Jeanne Moreau");
    await dialog.getByRole("textbox", { name: "E-mail" }).fill("jeanne@example.test");
    await dialog.getByRole("textbox", { name: "Téléphone" }).fill("06 12 34 56 78");
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("heading", { name: "Jeanne Moreau", level: 1 }).waitFor();
    await shot("5-customer");
  });

  it("takes a first intake with the risk disclosed, and gets a receipt with identity and logo", async () => {
    await page.goto(url(`/o/${SLUG}/intake/new`));
    await page.getByRole("searchbox", { name: "Rechercher un client" }).fill("Jeanne");
    await page.getByRole("button", { name: "Choisir Jeanne Moreau" }).click();
    await page.getByTestId("picked-customer").waitFor();
    await page.getByRole("textbox", { name: "Objet ou demande" }).fill("Sandales, semelle usée");
    await page
      .getByRole("combobox", { name: "Prestation" })
      .selectOption({ label: "Ressemelage cuir" });
    // The catalogue's known risk is offered, not imposed: this sole is plastic, so it applies.
    await page
      .getByRole("checkbox", {
        name: "semelle en plastique : la réparation collée restera visible",
      })
      .check();
    await shot("6-intake-new");
    await page.getByRole("button", { name: "Enregistrer la prise en charge" }).click();
    await page.waitForURL(/\/intake\/(?!new)[^/]+$/);
    orderId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
    await page.getByTestId("receipt-link").waitFor();
    await shot("7-intake");

    const receipt = await page.request.get(url(`/api/orgs/${SLUG}/intake/${orderId}/receipt.pdf`));
    expect(receipt.status()).toBe(200);
    const pdf = Buffer.from(await receipt.body());
    const text = pdftotext(pdf);
    expect(text).toContain("Cordonnerie Dupuis");
    expect(text).toContain("12 rue des Tanneurs");
    expect(text).toContain("RM Lyon");
    expect(text).toContain("TVA non applicable, art. 293 B du CGI");
    expect(text).toContain("Jeanne Moreau");
    expect(text).toContain("semelle en plastique");
    expect(pdf.toString("latin1")).toContain("/Subtype /Image");
  });

  it("the dashboard's first steps are all done but the catalogue's three services", async () => {
    await page.goto(url(`/o/${SLUG}`));
    const card = page.getByTestId("first-steps");
    await expect
      .poll(() => card.getByTestId("first-steps-progress").textContent())
      .toBe("3 sur 4 faites");
    expect(await card.locator("[data-step=identity]").getAttribute("data-done")).toBe("true");
    expect(await card.locator("[data-step=services]").getAttribute("data-done")).toBe("false");
    await shot("8-dashboard");
  });

  it("takes its charter from another workshop's charter.json, checks it, then saves it", async () => {
    await page.goto(url(`/o/${SLUG}/charter`));
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "Charger une charte (charter.json)" }).click(),
    ]);
    await chooser.setFiles({
      name: "charter.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ payment_terms_days: 45, colour: "bleu" })),
    });
    await expect
      .poll(() => page.getByTestId("charter-file-status").textContent())
      .toBe(
        "La charte de charter.json est dans le formulaire : rien n'est enregistré tant que vous n'avez pas cliqué sur « Enregistrer la charte ». Ces clés ne sont pas des limites de la charte et sont laissées de côté : colour.",
      );
    expect(
      await page.getByRole("textbox", { name: "Délai de paiement (jours)" }).inputValue(),
    ).toBe("45");
    const before = await page.request.get(url(`/api/orgs/${SLUG}/charter`));
    expect((await before.json()).charter.payment_terms_days).toBe(30);
    await page.getByRole("button", { name: "Enregistrer la charte" }).click();
    await expect
      .poll(async () => {
        const after = await page.request.get(url(`/api/orgs/${SLUG}/charter`));
        return (await after.json()).charter.payment_terms_days;
      })
      .toBe(45);
    await page.getByText("Charte enregistrée.").waitFor();
    expect(await page.getByTestId("charter-file-status").count()).toBe(0);
    await shot("9-charter");
  });

  it("takes the whole ledger out again, from the import page", async () => {
    await page.goto(url(`/o/${SLUG}/import`));
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Télécharger tout le registre (JSONL)" }).click(),
    ]);
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    const lines = readFileSync(path, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l: { type: string }) => l.type)).toContain("customer");
    expect(lines).toContainEqual(
      expect.objectContaining({ type: "customer", name: "Jeanne Moreau" }),
    );
    await shot("10-export");
    expect(pageErrors).toEqual([]);
  });
});
