import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VAT_FRANCHISE_MENTION } from "../../../domain/business-identifiers.ts";
import { insertFact } from "../../../store/fact-repository.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";
import { IDENTITY, image, multipart } from "../../test-identity.ts";

/** The PDF's text as poppler's pdftotext lays it out. */
function pdftotext(pdf: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), "comptoir-pdf-")), "doc.pdf");
  writeFileSync(path, pdf);
  return execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" });
}

/** Whether pdffonts lists fonts and every one is embedded (no standard Helvetica). */
function fontsEmbedded(pdf: Buffer): boolean {
  const path = join(mkdtempSync(join(tmpdir(), "comptoir-pdf-")), "doc.pdf");
  writeFileSync(path, pdf);
  const rows = execFileSync("pdffonts", [path], { encoding: "utf8" }).trim().split("\n").slice(2);
  return rows.length > 0 && rows.every((row) => row.trim().split(/\s+/).at(-5) === "yes");
}

/** How many images the PDF draws (pdfkit writes each as an image XObject). */
const images = (pdf: Buffer) => pdf.toString("latin1").split("/Subtype /Image").length - 1;

for (const dialect of testDialects()) {
  describe(`letterhead on the receipt and the parting letter (${dialect})`, () => {
    let t: TestApp;
    let owner: TestUser;
    let staff: TestUser;
    let orderId: string;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      owner = await signIn(t, "owner");
      staff = await signIn(t, "staff");
      const created = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/intake",
        headers: staff.write,
        payload: {
          customer: { new: { id: "ines", name: "Inès Moreau" } },
          service: "Ourlet",
          item: "Pantalon en laine",
          quote: { price: 25 },
        },
      });
      expect(created.body.error).toBeUndefined();
      orderId = created.body.order.id;
      await insertFact(t.store, t.org.id, {
        type: "customer",
        id: "eve",
        at: Date.parse("2026-01-05"),
        name: "Eve Evans",
        status: "active",
        lang: "fr",
      });
      await insertFact(t.store, t.org.id, {
        type: "incident",
        id: "eve-i1",
        at: Date.parse("2026-02-10"),
        customer: "eve",
        severity: 3,
      });
    });
    afterAll(() => t.close());

    const receipt = async () => {
      const res = await t.app.inject({
        method: "GET",
        url: `/api/orgs/shop/intake/${orderId}/receipt.pdf`,
        headers: staff.read,
      });
      expect(res.statusCode).toBe(200);
      return res.rawPayload;
    };

    it("prints the name alone before the identity is filled in", async () => {
      const pdf = await receipt();
      const text = pdftotext(pdf);
      expect(text).toContain("Shop");
      expect(text).not.toContain("SIRET");
      expect(images(pdf)).toBe(0);
    });

    it("prints the identity and the logo on the receipt from then on", async () => {
      const saved = await call(t.app, {
        method: "PUT",
        url: "/api/orgs/shop/identity",
        headers: owner.write,
        payload: IDENTITY,
      });
      expect(saved.status).toBe(200);
      const file = multipart("logo.png", "image/png", await image("png", 900, 300));
      const logo = await call(t.app, {
        method: "PUT",
        url: "/api/orgs/shop/identity/logo",
        headers: { ...owner.write, "content-type": file.contentType },
        payload: file.payload,
      });
      expect(logo.status).toBe(200);

      const pdf = await receipt();
      const text = pdftotext(pdf);
      // The test organization writes in English: the labels are English, the register French.
      expect(text).toContain("Intake receipt");
      expect(text).toContain("Martin et Fils, SARL with a share capital of €5,000");
      expect(text).toContain("3 rue Oberkampf");
      expect(text).toContain("75011 Paris");
      expect(text).toContain("atelier@martin.example");
      expect(text).toContain("SIRET 443 061 841 00047 · RCS Paris 443 061 841");
      expect(text).toContain("VAT number FR64443061841");
      expect(images(pdf)).toBe(1);
      expect(fontsEmbedded(pdf)).toBe(true);
    });

    it("prints the identity, the logo and the VAT franchise on the parting letter", async () => {
      const saved = await call(t.app, {
        method: "PUT",
        url: "/api/orgs/shop/identity",
        headers: owner.write,
        payload: { ...IDENTITY, vatNumber: null, vatFranchise: true },
      });
      expect(saved.status).toBe(200);
      const made = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/customers/eve/relationship/part-ways",
        headers: owner.write,
        payload: { reason: "abusive", explanation: "Menaces au comptoir.", evidence: ["eve-i1"] },
      });
      expect(made.status).toBe(201);
      const res = await t.app.inject({
        method: "GET",
        url: `/api/orgs/shop/customers/eve/relationship/decisions/${made.body.decision.id}/letter.pdf`,
        headers: owner.read,
      });
      expect(res.statusCode).toBe(200);
      const text = pdftotext(res.rawPayload);
      expect(text).toContain("Fin de notre collaboration");
      expect(text).toContain("Martin et Fils, SARL au capital de 5 000 €");
      expect(text).toContain("Tél. 01 23 45 67 89");
      expect(text).toContain("SIRET 443 061 841 00047 · RCS Paris 443 061 841");
      expect(text).toContain(VAT_FRANCHISE_MENTION);
      expect(images(res.rawPayload)).toBe(1);
      expect(fontsEmbedded(res.rawPayload)).toBe(true);
    });
  });
}
