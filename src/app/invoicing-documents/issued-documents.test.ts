/**
 * The documents of invoices issued in the app (both databases): the document frozen at
 * issuing prints with the shop's letterhead and carries a Factur-X XML the schema accepts;
 * a credit note made from it is a 381 naming it. This is how the routes render them.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../store/database.ts";
import { insertFact } from "../../store/fact-repository.ts";
import { appendIdentity } from "../../store/identity-repository.ts";
import { ensureOrganization, type Organization } from "../../store/organization-repository.ts";
import { openTestStore, testDialects } from "../../store/test-stores.ts";
import { organizationLetterhead } from "../identity/organization-letterhead.ts";
import { createDraft, draftCreditNote } from "../invoices/draft-invoice.ts";
import type { InvoiceContext } from "../invoices/invoice-support.ts";
import { issueInvoice } from "../invoices/issue-invoice.ts";
import { getInvoiceView } from "../invoices/list-invoices.ts";
import { invoiceUblXml } from "./invoice-ubl-xml.ts";
import { renderInvoicePdf } from "./render-invoice-pdf.ts";
import { SELLER } from "./test-documents.ts";
import { FACTURX_XSD, pdfAttachment, pdfFlatText, xmllint } from "./test-pdf-tools.ts";

const DAY = Date.parse("2026-12-07T10:00:00Z");

for (const dialect of testDialects()) {
  describe(`documents of issued invoices (${dialect})`, () => {
    let store: Store;
    let org: Organization;
    let ctx: InvoiceContext;
    beforeEach(async () => {
      store = await openTestStore(dialect);
      org = await ensureOrganization(store, "shop", { name: "Atelier Lune" });
      ctx = { store, org, actor: { userId: "u-owner", role: "owner" }, now: DAY };
      await appendIdentity(store.db, org.id, {
        identity: SELLER,
        logoId: null,
        savedBy: "u-owner",
      });
      await insertFact(store, org.id, {
        type: "customer",
        id: "acme",
        at: Date.parse("2026-01-01"),
        name: "Acme SARL",
        kind: "business",
        status: "active",
        extra: { address: "3 rue du Port, 13002 Marseille", siren: "552100554" },
      });
    });
    afterEach(() => store.close());

    async function issued(
      lines: { description: string; unitPriceMinor: number; vatRate: number }[],
    ) {
      const draft = await createDraft(ctx, {
        customer: "acme",
        lines: lines.map((l) => ({ ...l, quantity: 1, nature: "services" as const })),
      });
      const record = await issueInvoice(ctx, draft.id);
      const view = await getInvoiceView(ctx, record.number as string);
      const doc = view.record.document;
      if (!doc) throw new Error("an issued invoice keeps its document");
      return { view, doc };
    }

    it("prints the issued invoice with the shop's letterhead and a valid Factur-X", async () => {
      const { view, doc } = await issued([
        { description: "Main d'œuvre", unitPriceMinor: 10000, vatRate: 20 },
        { description: "Livre", unitPriceMinor: 2000, vatRate: 5.5 },
      ]);
      const letterhead = await organizationLetterhead(store, org, doc.lang);
      const pdf = await renderInvoicePdf(doc, { letterhead });
      const text = pdfFlatText(pdf);
      for (const part of [
        "Atelier Lune",
        "Cordonnerie Martin, SARL au capital de 5 000 €",
        "Facture n° 2026-0001",
        "Date d'émission : 7 décembre 2026",
        "Date d'échéance : 6 janvier 2027",
        "Acme SARL",
        "13002 Marseille",
        "SIREN 552 100 554",
        "Pénalités de retard : taux BCE + 10 points",
        "Total TTC 141,10 €",
        "SIRET 443 061 841 00047 · RCS Paris 443 061 841",
      ])
        expect(text).toContain(part);
      const xml = pdfAttachment(pdf, "factur-x.xml");
      const verdict = xmllint(xml, FACTURX_XSD);
      expect(verdict.ok, verdict.messages).toBe(true);
      const cii = xml.toString("utf8");
      expect(cii).toContain("<ram:ID>2026-0001</ram:ID>");
      expect(cii).toContain(
        `<ram:GrandTotalAmount>${(view.totals.totalInclVatMinor / 100).toFixed(2)}</ram:GrandTotalAmount>`,
      );
      expect(xmllint(invoiceUblXml(doc)).ok).toBe(true);
    });

    it("a credit note issued against it is a 381 that names it", async () => {
      await issued([{ description: "Main d'œuvre", unitPriceMinor: 10000, vatRate: 20 }]);
      const draft = await draftCreditNote(ctx, "2026-0001", {
        amountMinor: 2400,
        reason: "retard",
      });
      const credit = await issueInvoice(ctx, draft.id);
      const doc = (await getInvoiceView(ctx, credit.number as string)).record.document;
      if (!doc) throw new Error("an issued credit note keeps its document");
      const pdf = await renderInvoicePdf(doc, {
        letterhead: await organizationLetterhead(store, org, doc.lang),
      });
      expect(pdfFlatText(pdf)).toContain(
        "Avoir rectifiant la facture n° 2026-0001 du 7 décembre 2026",
      );
      const cii = pdfAttachment(pdf, "factur-x.xml").toString("utf8");
      expect(xmllint(cii, FACTURX_XSD).ok).toBe(true);
      expect(cii).toContain("<ram:TypeCode>381</ram:TypeCode>");
      expect(cii).toContain("<ram:IssuerAssignedID>2026-0001</ram:IssuerAssignedID>");
      expect(cii).toContain("<ram:GrandTotalAmount>24.00</ram:GrandTotalAmount>");
    });
  });
}
