import { describe, expect, it } from "vitest";
import type { InvoiceDocument } from "../../domain/invoicing/invoice-document.ts";
import { invoiceUblXml } from "./invoice-ubl-xml.ts";
import { renderInvoicePdf, renderQuotePdf } from "./render-invoice-pdf.ts";
import { buildInvoiceDocument, SELLER } from "./test-documents.ts";
import {
  FACTURX_XSD,
  pdfAttachment,
  pdfAttachments,
  pdfFlatText,
  pdfFonts,
  pdfText,
  pdfXmp,
  xmllint,
} from "./test-pdf-tools.ts";

/** Each legal case, the document it prints, and every mention that must be on the page. */
const CASES: { name: string; doc: InvoiceDocument; mentions: string[]; absent?: string[] }[] = [
  {
    name: "a French company invoicing a French business",
    doc: buildInvoiceDocument(),
    mentions: [
      "Facture n° 2026-0042", // number
      "Date d'émission : 7 décembre 2026", // issue date
      "Date de la livraison et de la prestation : 1 décembre 2026", // service date
      "Date d'échéance : 6 janvier 2027",
      "Cordonnerie Martin", // seller's legal name
      "12 rue des Lilas",
      "75011 Paris", // seller's address
      "SIRET 443 061 841 00047",
      "SARL au capital de 5 000 €", // legal form and capital
      "RCS Paris 443 061 841",
      "N° TVA intracommunautaire FR44443061841", // seller's VAT number
      "Atelier Dupont & Fils", // buyer's name
      "3 place du Marché 69002 Lyon", // buyer's address
      "SIREN 552 100 554", // buyer's SIREN
      "N° TVA intracommunautaire du client : FR40552100554", // buyer's VAT number
      "Nature de l'opération : livraison de biens et prestation de services",
      "Pénalités de retard : taux BCE + 10 points",
      "Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40,00 €",
      "Escompte pour paiement anticipé : pas d'escompte",
      "Total HT 100,49 €",
      "TVA 20 % sur 91,00 € 18,20 €",
      "TVA 5,5 % sur 9,49 € 0,52 €",
      "Total TTC 119,21 €",
      "Net à payer 119,21 €",
    ],
    absent: ["Autoliquidation", "293 B", "262 I"],
  },
  {
    name: "a craftsman under the VAT franchise invoicing a person",
    doc: buildInvoiceDocument({
      seller: {
        ...SELLER,
        legalName: "Jeanne Martin",
        legalForm: "EI",
        shareCapital: null,
        vatNumber: null,
        vatFranchise: true,
        registration: { kind: "rm", place: "Paris" },
      },
      buyer: {
        name: "Claire Petit",
        kind: "person",
        address: { street: "8 rue Oberkampf", postalCode: "75011", city: "Paris", country: "FR" },
        country: "FR",
        siren: null,
        vatNumber: null,
        email: null,
      },
      lines: [
        {
          description: "Réparation",
          quantity: 1,
          unitPriceMinor: 6000,
          vatRate: 0,
          nature: "services",
        },
      ],
      vatExemption: "franchise",
      paymentTerms: {
        latePenaltyRate: "taux BCE + 10 points",
        recoveryFeeMinor: null,
        earlyPaymentDiscount: "pas d'escompte",
      },
    }),
    mentions: [
      "Jeanne Martin",
      "EI",
      "RM Paris 443 061 841",
      "TVA non applicable, art. 293 B du CGI",
      "Claire Petit",
      "Nature de l'opération : prestation de services",
      "Escompte pour paiement anticipé : pas d'escompte",
      "Total TTC 60,00 €",
    ],
    // Penalties and the recovery fee are owed by businesses only.
    absent: ["Pénalités de retard", "Indemnité forfaitaire", "SIREN 552"],
  },
  {
    name: "a business buyer in another EU country (reverse charge)",
    doc: buildInvoiceDocument({
      buyer: {
        name: "Schuhwerk GmbH",
        kind: "business",
        address: { street: "Hauptstraße 5", postalCode: "10115", city: "Berlin", country: "DE" },
        country: "DE",
        siren: null,
        vatNumber: "DE123456789",
        email: null,
      },
      vatExemption: "reverse_charge",
    }),
    mentions: [
      "Schuhwerk GmbH",
      "Allemagne",
      "N° TVA intracommunautaire DE123456789",
      "Autoliquidation",
      "N° TVA intracommunautaire du client : DE123456789",
      "Total TTC 100,49 €",
    ],
    absent: ["TVA 20 %"],
  },
  {
    name: "a buyer outside the EU (export)",
    doc: buildInvoiceDocument({
      buyer: {
        name: "Bottier Genevois SA",
        kind: "business",
        address: { street: "Rue du Rhône 1", postalCode: "1204", city: "Genève", country: "CH" },
        country: "CH",
        siren: null,
        vatNumber: null,
        email: null,
      },
      vatExemption: "export",
    }),
    mentions: [
      "Bottier Genevois SA",
      "Suisse",
      "Exonération de TVA, art. 262 I du CGI (exportation hors de l'Union européenne)",
      "Pénalités de retard : taux BCE + 10 points",
    ],
  },
  {
    name: "an English document (French mentions kept beside their translation)",
    doc: buildInvoiceDocument({ lang: "en" }),
    mentions: [
      "Invoice no. 2026-0042",
      "Issue date: 7 December 2026",
      "Due date: 6 January 2027",
      "SARL with a share capital of €5,000",
      "Late-payment penalties: ECB rate + 10 points (Pénalités de retard : taux BCE + 10 points)",
      "(Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40,00 €",
      "Early-payment discount: none (Escompte pour paiement anticipé : pas d'escompte)",
      "Total incl. VAT €119.21",
    ],
  },
];

describe("invoice PDF", () => {
  it.each(CASES)("prints every legal mention: $name", async ({ doc, mentions, absent }) => {
    const text = pdfFlatText(await renderInvoicePdf(doc));
    for (const mention of mentions) expect(text).toContain(mention);
    for (const word of absent ?? []) expect(text).not.toContain(word);
  });

  it.each(CASES)(
    "carries a Factur-X XML that the EN 16931 schema accepts: $name",
    async ({ doc }) => {
      const pdf = await renderInvoicePdf(doc);
      expect(pdfAttachments(pdf)).toEqual(["factur-x.xml"]);
      const xml = pdfAttachment(pdf, "factur-x.xml");
      const verdict = xmllint(xml, FACTURX_XSD);
      expect(verdict.ok, verdict.messages).toBe(true);
      expect(xml.toString("utf8")).toContain(`<ram:ID>${doc.number}</ram:ID>`);
    },
  );

  it("is a PDF/A-3b file: XMP identification, Factur-X metadata, the XML as an associated file, sRGB output intent", async () => {
    const pdf = await renderInvoicePdf(buildInvoiceDocument());
    const raw = pdf.toString("latin1");
    expect(raw.startsWith("%PDF-1.7")).toBe(true);
    const xmp = pdfXmp(pdf);
    expect(xmllint(xmp).ok).toBe(true);
    expect(xmp).toContain("<pdfaid:part>3</pdfaid:part>");
    expect(xmp).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
    expect(xmp).toContain(
      "<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>",
    );
    expect(xmp).toContain("<fx:DocumentType>INVOICE</fx:DocumentType>");
    expect(xmp).toContain("<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>");
    expect(xmp).toContain("<fx:Version>1.0</fx:Version>");
    expect(xmp).toContain("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>");
    // The file specification and the catalog's list of associated files.
    expect(raw).toMatch(/\/AFRelationship \/Alternative/);
    expect(raw).toMatch(/\/AF \[\d+ 0 R\]/);
    expect(raw).toMatch(/\/Subtype \/text#2Fxml/);
    expect(raw).toMatch(/\/Type \/OutputIntent/);
    expect(raw).toMatch(/\/S \/GTS_PDFA1/);
    expect(raw).toMatch(/\/DestOutputProfile \d+ 0 R/);
    expect(raw).toContain("sRGB IEC61966-2.1");
  });

  it("embeds every font it uses (no standard Helvetica)", async () => {
    for (const { doc } of CASES) {
      const fonts = pdfFonts(await renderInvoicePdf(doc));
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) expect(font, font.name).toMatchObject({ embedded: true });
      expect(fonts.map((f) => f.name).join(" ")).not.toMatch(/Helvetica/);
    }
  });

  it("runs over pages with the table's header and the legal foot on each", async () => {
    const lines = Array.from({ length: 70 }, (_, i) => ({
      description: `Article ${i + 1}, une description assez longue pour tenir sur deux lignes`,
      quantity: 1 + (i % 3),
      unitPriceMinor: 1000 + i,
      vatRate: i % 2 ? 20 : 5.5,
      nature: "goods" as const,
    }));
    const pdf = await renderInvoicePdf(buildInvoiceDocument({ lines }));
    const pages = pdfText(pdf)
      .split("\f")
      .filter((page) => page.trim());
    expect(pages.length).toBeGreaterThan(2);
    // The last page may hold only the totals and the mentions.
    for (const page of pages.slice(0, -1)) expect(page).toContain("Désignation");
    for (const page of pages)
      expect(page).toContain("SIRET 443 061 841 00047 · RCS Paris 443 061 841");
    expect(pages.at(-1)).toContain("Net à payer");
    expect(xmllint(pdfAttachment(pdf, "factur-x.xml"), FACTURX_XSD).ok).toBe(true);
  });

  it("keeps the shop's name intact in the metadata, escaped in the XMP", async () => {
    const doc = buildInvoiceDocument({ seller: { ...SELLER, legalName: "Martin & Fils <Paris>" } });
    const pdf = await renderInvoicePdf(doc);
    const xmp = pdfXmp(pdf);
    expect(xmllint(xmp).ok).toBe(true);
    expect(xmp).toContain("Martin &amp; Fils &lt;Paris&gt;");
    expect(pdfFlatText(pdf)).toContain("Martin & Fils <Paris>");
  });
});

describe("credit note and deposit", () => {
  const creditNote = buildInvoiceDocument({
    kind: "credit_note",
    series: "AV-2026",
    number: "AV-2026-0003",
    issueDate: "2026-12-10",
    dueDate: null,
    lines: [
      {
        description: "Geste commercial",
        quantity: 1,
        unitPriceMinor: 2000,
        vatRate: 20,
        nature: "services",
      },
    ],
    references: { correctedInvoice: { number: "2026-0042", issueDate: "2026-12-07" } },
  });

  it("a credit note (381) names the invoice it corrects, on the page and in both XML", async () => {
    const pdf = await renderInvoicePdf(creditNote);
    const text = pdfFlatText(pdf);
    expect(text).toContain("Avoir n° AV-2026-0003");
    expect(text).toContain("Avoir rectifiant la facture n° 2026-0042 du 7 décembre 2026");
    expect(text).toContain("Montant de l'avoir TTC 24,00 €");
    expect(text).not.toContain("Date d'échéance");
    const cii = pdfAttachment(pdf, "factur-x.xml").toString("utf8");
    expect(xmllint(cii, FACTURX_XSD).ok).toBe(true);
    expect(cii).toContain("<ram:TypeCode>381</ram:TypeCode>");
    expect(cii).toMatch(
      /<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>2026-0042<\/ram:IssuerAssignedID><ram:FormattedIssueDateTime><qdt:DateTimeString format="102">20261207<\/qdt:DateTimeString>/,
    );
    const ubl = invoiceUblXml(creditNote);
    expect(xmllint(ubl).ok).toBe(true);
    expect(ubl).toContain(
      '<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"',
    );
    expect(ubl).toContain("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>");
    expect(ubl).toContain(
      "<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>2026-0042</cbc:ID><cbc:IssueDate>2026-12-07</cbc:IssueDate>",
    );
    expect(ubl).toContain("<cac:CreditNoteLine>");
    expect(ubl).toContain('<cbc:PayableAmount currencyID="EUR">24.00</cbc:PayableAmount>');
  });

  it("a deposit invoice is typed 386 and titled as one", async () => {
    const deposit = buildInvoiceDocument({
      kind: "deposit",
      number: "2026-0040",
      lines: [
        {
          description: "Acompte de 30 % sur la commande cmd-118",
          quantity: 1,
          unitPriceMinor: 3000,
          vatRate: 20,
          nature: "services",
        },
      ],
    });
    const pdf = await renderInvoicePdf(deposit);
    expect(pdfFlatText(pdf)).toContain("Facture d'acompte n° 2026-0040");
    const cii = pdfAttachment(pdf, "factur-x.xml").toString("utf8");
    expect(xmllint(cii, FACTURX_XSD).ok).toBe(true);
    expect(cii).toContain("<ram:TypeCode>386</ram:TypeCode>");
    expect(invoiceUblXml(deposit)).toContain("<cbc:InvoiceTypeCode>386</cbc:InvoiceTypeCode>");
  });

  it("the final invoice draws the deposit down: paid amount and what remains due", async () => {
    const final = buildInvoiceDocument({
      references: {
        orders: ["cmd-118"],
        deposits: [{ number: "2026-0040", issueDate: "2026-11-20", amountMinor: 3600 }],
      },
    });
    const pdf = await renderInvoicePdf(final);
    const text = pdfFlatText(pdf);
    expect(text).toContain("Total TTC 119,21 €");
    expect(text).toContain("Acompte déjà versé, facture n° 2026-0040 du 20 novembre 2026 -36,00 €");
    expect(text).toContain("Net à payer 83,21 €");
    const cii = pdfAttachment(pdf, "factur-x.xml").toString("utf8");
    expect(xmllint(cii, FACTURX_XSD).ok).toBe(true);
    expect(cii).toContain("<ram:GrandTotalAmount>119.21</ram:GrandTotalAmount>");
    expect(cii).toContain("<ram:TotalPrepaidAmount>36.00</ram:TotalPrepaidAmount>");
    expect(cii).toContain("<ram:DuePayableAmount>83.21</ram:DuePayableAmount>");
  });
});

describe("UBL 2.1", () => {
  it("is well-formed and carries the same totals as the page", () => {
    const ubl = invoiceUblXml(buildInvoiceDocument());
    expect(xmllint(ubl).ok).toBe(true);
    expect(ubl).toContain(
      '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"',
    );
    expect(ubl).toContain("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>");
    expect(ubl).toContain(
      '<cbc:LineExtensionAmount currencyID="EUR">100.49</cbc:LineExtensionAmount>',
    );
    expect(ubl).toContain(
      '<cbc:TaxExclusiveAmount currencyID="EUR">100.49</cbc:TaxExclusiveAmount>',
    );
    expect(ubl).toContain('<cac:TaxTotal><cbc:TaxAmount currencyID="EUR">18.72</cbc:TaxAmount>');
    expect(ubl).toContain(
      '<cbc:TaxInclusiveAmount currencyID="EUR">119.21</cbc:TaxInclusiveAmount>',
    );
    expect(ubl).toContain('<cbc:PayableAmount currencyID="EUR">119.21</cbc:PayableAmount>');
    expect(ubl).toContain("<cbc:Note>#PMD#Pénalités de retard : taux BCE + 10 points</cbc:Note>");
  });
});

describe("quote", () => {
  const quote = buildInvoiceDocument({
    kind: "quote",
    series: "D-2026",
    number: "D-2026-0007",
    dueDate: null,
    validUntil: "2027-01-06",
    service: null,
  });

  it("has the invoice's layout, its validity date and a box to sign for agreement", async () => {
    const pdf = await renderQuotePdf(quote);
    const text = pdfFlatText(pdf);
    for (const mention of [
      "Devis n° D-2026-0007",
      "Date du devis : 7 décembre 2026",
      "Devis valable jusqu'au : 6 janvier 2027",
      "Cordonnerie Martin",
      "SIRET 443 061 841 00047",
      "Atelier Dupont & Fils",
      "Total TTC 119,21 €",
      "Bon pour accord",
      "Date, signature et cachet du client, précédés de la mention manuscrite « Bon pour accord »",
    ])
      expect(text).toContain(mention);
    expect(text).not.toContain("Net à payer");
    expect(pdfAttachments(pdf)).toEqual([]);
    for (const font of pdfFonts(pdf)) expect(font.embedded).toBe(true);
  });

  it("in English, keeps the French words the customer writes", async () => {
    const text = pdfFlatText(await renderQuotePdf({ ...quote, lang: "en" }));
    expect(text).toContain("Quote no. D-2026-0007");
    expect(text).toContain("Quote valid until: 6 January 2027");
    expect(text).toContain("Accepted (Bon pour accord)");
  });

  it("is no invoice: it has no Factur-X, and an invoice is no quote", async () => {
    await expect(renderInvoicePdf(quote)).rejects.toThrow(/quote/);
    await expect(renderQuotePdf(buildInvoiceDocument())).rejects.toThrow(/no quote/);
  });
});
