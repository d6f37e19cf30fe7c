/**
 * Property tests: for random invoices, the Factur-X (CII) and UBL XML obey the EN 16931
 * arithmetic, recomputed here from the lines alone (exact integers, not the code under test):
 * line net amounts, the sums BR-CO-10/13/14/15/16, the VAT of each category and rate computed
 * once on its base (BR-CO-17, BR-S-08), two decimals at most (BR-DEC), and the CII stays valid
 * against the Factur-X schema.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { InvoiceDocument, InvoiceLine } from "../../domain/invoicing/invoice-document.ts";
import { invoiceCiiXml } from "./invoice-cii-xml.ts";
import { invoiceUblXml } from "./invoice-ubl-xml.ts";
import { buildInvoiceDocument } from "./test-documents.ts";
import { FACTURX_XSD, xmllint } from "./test-pdf-tools.ts";

const line: fc.Arbitrary<InvoiceLine> = fc
  .record({
    quantityMilli: fc.oneof(
      fc.integer({ min: 1, max: 50 }).map((q) => q * 1000),
      fc.integer({ min: 1, max: 99_999 }),
    ),
    unitPriceMinor: fc.integer({ min: 0, max: 500_000 }),
    vatRate: fc.constantFrom(20, 10, 5.5, 2.1, 0),
    discountShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    nature: fc.constantFrom("goods" as const, "services" as const),
  })
  .map(({ quantityMilli, unitPriceMinor, vatRate, discountShare, nature }) => {
    const gross = Math.round((quantityMilli * unitPriceMinor) / 1000);
    return {
      description: "Article",
      quantity: quantityMilli / 1000,
      unitPriceMinor,
      vatRate,
      ...(discountShare === undefined ? {} : { discountMinor: Math.floor(gross * discountShare) }),
      nature,
    };
  });

const invoice: fc.Arbitrary<InvoiceDocument> = fc
  .record({
    lines: fc.array(line, { minLength: 1, maxLength: 8 }),
    exemption: fc.constantFrom(
      null,
      "franchise" as const,
      "reverse_charge" as const,
      "export" as const,
    ),
    depositShare: fc.option(fc.double({ min: 0, max: 0.9, noNaN: true }), { nil: undefined }),
  })
  .map(({ lines, exemption, depositShare }) => {
    const doc = buildInvoiceDocument({ lines, vatExemption: exemption });
    if (depositShare === undefined) return doc;
    // A deposit drawn down: some share of a rough total, in whole cents.
    const rough = lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0);
    const amountMinor = Math.floor(rough * depositShare);
    return {
      ...doc,
      references: { ...doc.references, deposits: [{ number: "2026-0001", amountMinor }] },
    };
  });

/** An amount in minor units from its XML text, refusing more than two decimals. */
function minor(text: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`not an amount with at most 2 decimals: ${text}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0")));
}

const all = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, "g"))].map(
    (m) => m[1] as string,
  );
const one = (xml: string, tag: string) => {
  const found = all(xml, tag);
  expect(found, tag).toHaveLength(1);
  return minor(found[0] as string);
};
const block = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}>(.*?)</${tag}>`, "gs"))].map((m) => m[1] as string);

/** Half away from zero, exactly: a / b for integers. */
const divRound = (a: bigint, b: bigint) => {
  const q = (2n * (a < 0n ? -a : a) + b) / (2n * b);
  return a < 0n ? -q : q;
};

/** The expected line net amounts and VAT breakdown, from the lines alone. */
function expected(doc: InvoiceDocument) {
  const nets = doc.lines.map((l) => {
    const gross = divRound(BigInt(Math.round(l.quantity * 1000)) * BigInt(l.unitPriceMinor), 1000n);
    return Number(gross) - (l.discountMinor ?? 0);
  });
  const bases = new Map<string, number>();
  doc.lines.forEach((l, i) => {
    const category =
      doc.vatExemption === "franchise"
        ? "E"
        : doc.vatExemption === "reverse_charge"
          ? "AE"
          : doc.vatExemption === "export"
            ? "G"
            : l.vatRate === 0
              ? "Z"
              : "S";
    const rate = category === "S" ? l.vatRate : 0;
    const key = `${category}|${rate}`;
    bases.set(key, (bases.get(key) ?? 0) + (nets[i] as number));
  });
  const vat = new Map(
    [...bases].map(([key, base]) => {
      const rate = Number(key.split("|")[1]);
      return [key, Number(divRound(BigInt(base) * BigInt(Math.round(rate * 100)), 10000n))];
    }),
  );
  return { nets, bases, vat };
}

describe("EN 16931 arithmetic in the XML", () => {
  it("CII: line amounts, VAT per category and rate, and the document totals add up", () => {
    let validated = 0;
    fc.assert(
      fc.property(invoice, (doc) => {
        const xml = invoiceCiiXml(doc);
        const want = expected(doc);
        const items = block(xml, "ram:IncludedSupplyChainTradeLineItem");
        expect(items.map((item) => one(item, "ram:LineTotalAmount"))).toEqual(want.nets);

        const settlement = block(xml, "ram:ApplicableHeaderTradeSettlement")[0] as string;
        const rows = block(settlement, "ram:ApplicableTradeTax").map((row) => ({
          key: `${all(row, "ram:CategoryCode")[0]}|${Number(all(row, "ram:RateApplicablePercent")[0])}`,
          base: one(row, "ram:BasisAmount"),
          vat: one(row, "ram:CalculatedAmount"),
        }));
        expect(new Map(rows.map((r) => [r.key, r.base]))).toEqual(want.bases);
        expect(new Map(rows.map((r) => [r.key, r.vat]))).toEqual(want.vat);

        const sum = block(
          settlement,
          "ram:SpecifiedTradeSettlementHeaderMonetarySummation",
        )[0] as string;
        const lineTotal = one(sum, "ram:LineTotalAmount");
        const taxBasis = one(sum, "ram:TaxBasisTotalAmount");
        const taxTotal = one(sum, "ram:TaxTotalAmount");
        const grand = one(sum, "ram:GrandTotalAmount");
        const prepaid = one(sum, "ram:TotalPrepaidAmount");
        const due = one(sum, "ram:DuePayableAmount");
        // BR-CO-10, 13, 14, 15, 16.
        expect(lineTotal).toBe(want.nets.reduce((s, n) => s + n, 0));
        expect(taxBasis).toBe(
          lineTotal - one(sum, "ram:AllowanceTotalAmount") + one(sum, "ram:ChargeTotalAmount"),
        );
        expect(taxTotal).toBe(rows.reduce((s, r) => s + r.vat, 0));
        expect(grand).toBe(taxBasis + taxTotal);
        expect(prepaid).toBe(
          (doc.references.deposits ?? []).reduce((s, d) => s + d.amountMinor, 0),
        );
        expect(due).toBe(grand - prepaid);
        // The schema, on a sample (xmllint costs a process per run).
        if (validated < 15) {
          validated += 1;
          const verdict = xmllint(xml, FACTURX_XSD);
          expect(verdict.ok, verdict.messages).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("UBL: the same totals as the CII, well-formed", () => {
    let checked = 0;
    fc.assert(
      fc.property(invoice, (doc) => {
        const cii = invoiceCiiXml(doc);
        const ubl = invoiceUblXml(doc);
        const total = block(ubl, "cac:LegalMonetaryTotal")[0] as string;
        expect(one(total, "cbc:LineExtensionAmount")).toBe(one(cii, "ram:TaxBasisTotalAmount"));
        expect(one(total, "cbc:TaxExclusiveAmount")).toBe(one(cii, "ram:TaxBasisTotalAmount"));
        expect(one(total, "cbc:TaxInclusiveAmount")).toBe(one(cii, "ram:GrandTotalAmount"));
        expect(one(total, "cbc:PrepaidAmount")).toBe(one(cii, "ram:TotalPrepaidAmount"));
        expect(one(total, "cbc:PayableAmount")).toBe(one(cii, "ram:DuePayableAmount"));
        const taxTotal = block(ubl, "cac:TaxTotal")[0] as string;
        const subtotals = block(taxTotal, "cac:TaxSubtotal");
        const vat = subtotals.map((s) => minor(all(s, "cbc:TaxAmount")[0] as string));
        expect(minor(all(taxTotal, "cbc:TaxAmount")[0] as string)).toBe(
          vat.reduce((a, b) => a + b, 0),
        );
        expect(vat.reduce((a, b) => a + b, 0)).toBe(one(cii, "ram:TaxTotalAmount"));
        if (checked < 10) {
          checked += 1;
          expect(xmllint(ubl).ok).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
