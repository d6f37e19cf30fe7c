/**
 * The same invoice, deposit invoice or credit note in OASIS UBL 2.1 (the other syntax of
 * EN 16931), offered as a separate download: an `Invoice` (type code 380 or 386) or a
 * `CreditNote` (381). Same totals as the Factur-X XML (computeTotals). UBL notes have no
 * subject code: the legal mentions carry theirs as a `#PMD#` prefix, the convention of the
 * EN 16931 UBL binding's users (Peppol, XRechnung).
 * @example await writeFile(`${doc.number}.xml`, invoiceUblXml(doc));
 */
import {
  DOCUMENT_TYPE_CODES,
  type InvoiceBuyer,
  type InvoiceDocument,
  vatCategory,
  vatExemptionText,
} from "../../domain/invoicing/invoice-document.ts";
import { computeTotals } from "../../domain/invoicing/invoice-totals.ts";
import type { OrganizationIdentity, PostalAddress } from "../../domain/organization-identity.ts";
import { xmlAmount, xmlDecimal } from "./document-format.ts";
import { documentNotes } from "./document-notes.ts";
import { FACTURX_EN16931_GUIDELINE } from "./invoice-cii-xml.ts";
import { formAndCapital, registration } from "./seller-legal.ts";
import { el, value } from "./xml-text.ts";

const CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
const CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

const vatScheme = el("cac:TaxScheme", null, value("cbc:ID", "VAT"));

function postalAddress(a: PostalAddress | null, country: string): string {
  const streets = (a?.street ?? "")
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return el(
    "cac:PostalAddress",
    null,
    value("cbc:StreetName", streets[0]),
    value("cbc:AdditionalStreetName", streets.slice(1).join(", ")),
    value("cbc:CityName", a?.city),
    value("cbc:PostalZone", a?.postalCode),
    el("cac:Country", null, value("cbc:IdentificationCode", (a?.country ?? country).toUpperCase())),
  );
}

function supplier(s: OrganizationIdentity, currency: string): string {
  const legal = [formAndCapital(s, currency, "fr"), registration(s)].filter(Boolean).join(", ");
  return el(
    "cac:AccountingSupplierParty",
    null,
    el(
      "cac:Party",
      null,
      value("cbc:EndpointID", s.email, { schemeID: "EM" }),
      el("cac:PartyName", null, value("cbc:Name", s.legalName)),
      postalAddress(s.address, "FR"),
      s.vatNumber && el("cac:PartyTaxScheme", null, value("cbc:CompanyID", s.vatNumber), vatScheme),
      el(
        "cac:PartyLegalEntity",
        null,
        value("cbc:RegistrationName", s.legalName),
        value("cbc:CompanyID", s.siren, { schemeID: "0002" }),
        value("cbc:CompanyLegalForm", legal),
      ),
    ),
  );
}

function customer(b: InvoiceBuyer): string {
  const business = b.kind === "business";
  return el(
    "cac:AccountingCustomerParty",
    null,
    el(
      "cac:Party",
      null,
      value("cbc:EndpointID", b.email, { schemeID: "EM" }),
      el("cac:PartyName", null, value("cbc:Name", b.name)),
      postalAddress(b.address, b.country),
      business &&
        b.vatNumber &&
        el("cac:PartyTaxScheme", null, value("cbc:CompanyID", b.vatNumber), vatScheme),
      el(
        "cac:PartyLegalEntity",
        null,
        value("cbc:RegistrationName", b.name),
        business && value("cbc:CompanyID", b.siren, { schemeID: "0002" }),
      ),
    ),
  );
}

export function invoiceUblXml(doc: InvoiceDocument): string {
  if (doc.kind === "quote") throw new TypeError("a quote has no UBL invoice");
  const credit = doc.kind === "credit_note";
  const root = credit ? "CreditNote" : "Invoice";
  const totals = computeTotals(doc);
  const cur = { currencyID: doc.currency };
  const money = (minor: number) => xmlAmount(minor, doc.currency);
  const exemptionText = doc.vatExemption ? vatExemptionText(doc.vatExemption, "fr") : null;
  const service = doc.service;
  const terms = documentNotes(doc)
    .filter((n) => n.subjectCode === "PMD" || n.subjectCode === "AAB")
    .map((n) => n.content)
    .join(" ; ");
  const references = [
    ...(doc.references.correctedInvoice ? [doc.references.correctedInvoice] : []),
    ...(doc.references.deposits ?? []),
  ];

  const lines = doc.lines.map((line, i) => {
    const category = vatCategory(doc.vatExemption, line.vatRate);
    const discount = line.discountMinor ?? 0;
    return el(
      `cac:${root}Line`,
      null,
      value("cbc:ID", i + 1),
      value(credit ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity", xmlDecimal(line.quantity), {
        unitCode: "C62",
      }),
      value("cbc:LineExtensionAmount", money(totals.lineNets[i] as number), cur),
      discount !== 0 &&
        el(
          "cac:AllowanceCharge",
          null,
          value("cbc:ChargeIndicator", "false"),
          value("cbc:AllowanceChargeReason", "Remise"),
          value("cbc:Amount", money(discount), cur),
        ),
      el(
        "cac:Item",
        null,
        value("cbc:Name", line.description),
        el(
          "cac:ClassifiedTaxCategory",
          null,
          value("cbc:ID", category),
          value("cbc:Percent", xmlDecimal(category === "S" ? line.vatRate : 0)),
          vatScheme,
        ),
      ),
      el("cac:Price", null, value("cbc:PriceAmount", money(line.unitPriceMinor), cur)),
    );
  });

  return `<?xml version="1.0" encoding="UTF-8"?>\n${el(
    root,
    {
      xmlns: `urn:oasis:names:specification:ubl:schema:xsd:${root}-2`,
      "xmlns:cac": CAC,
      "xmlns:cbc": CBC,
    },
    value("cbc:CustomizationID", FACTURX_EN16931_GUIDELINE),
    value("cbc:ID", doc.number),
    value("cbc:IssueDate", doc.issueDate),
    !credit && value("cbc:DueDate", doc.dueDate),
    value(credit ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode", DOCUMENT_TYPE_CODES[doc.kind]),
    documentNotes(doc).map((n) =>
      value("cbc:Note", n.subjectCode ? `#${n.subjectCode}#${n.content}` : n.content),
    ),
    value("cbc:DocumentCurrencyCode", doc.currency),
    service &&
      "period" in service &&
      el(
        "cac:InvoicePeriod",
        null,
        value("cbc:StartDate", service.period.start),
        value("cbc:EndDate", service.period.end),
      ),
    references.map((ref) =>
      el(
        "cac:BillingReference",
        null,
        el(
          "cac:InvoiceDocumentReference",
          null,
          value("cbc:ID", ref.number),
          value("cbc:IssueDate", ref.issueDate),
        ),
      ),
    ),
    supplier(doc.seller, doc.currency),
    customer(doc.buyer),
    service &&
      "date" in service &&
      el("cac:Delivery", null, value("cbc:ActualDeliveryDate", service.date)),
    credit &&
      doc.dueDate &&
      el(
        "cac:PaymentMeans",
        null,
        value("cbc:PaymentMeansCode", "ZZZ"),
        value("cbc:PaymentDueDate", doc.dueDate),
      ),
    terms && el("cac:PaymentTerms", null, value("cbc:Note", terms)),
    el(
      "cac:TaxTotal",
      null,
      value("cbc:TaxAmount", money(totals.vatTotalMinor), cur),
      totals.vatBreakdown.map((row) =>
        el(
          "cac:TaxSubtotal",
          null,
          value("cbc:TaxableAmount", money(row.taxableMinor), cur),
          value("cbc:TaxAmount", money(row.vatMinor), cur),
          el(
            "cac:TaxCategory",
            null,
            value("cbc:ID", row.category),
            value("cbc:Percent", xmlDecimal(row.rate)),
            value("cbc:TaxExemptionReasonCode", row.exemptionCode),
            row.exemptionCode && value("cbc:TaxExemptionReason", exemptionText),
            vatScheme,
          ),
        ),
      ),
    ),
    el(
      "cac:LegalMonetaryTotal",
      null,
      value("cbc:LineExtensionAmount", money(totals.lineNetTotalMinor), cur),
      value("cbc:TaxExclusiveAmount", money(totals.totalExclVatMinor), cur),
      value("cbc:TaxInclusiveAmount", money(totals.totalInclVatMinor), cur),
      value("cbc:AllowanceTotalAmount", money(totals.allowanceTotalMinor), cur),
      value("cbc:ChargeTotalAmount", money(totals.chargeTotalMinor), cur),
      value("cbc:PrepaidAmount", money(totals.depositsDrawnDownMinor), cur),
      value("cbc:PayableAmount", money(totals.amountDueMinor), cur),
    ),
    lines,
  )}\n`;
}
