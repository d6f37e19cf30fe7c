/**
 * The Factur-X XML of an invoice, deposit invoice or credit note: UN/CEFACT Cross Industry
 * Invoice D16B, profile EN 16931, valid against the Factur-X 1.0.07 schema (xsd/). Type codes
 * 380 invoice, 386 deposit (prepayment) invoice, 381 credit note. Totals come from
 * computeTotals (EN 16931 arithmetic, minor units), so the XML and the printed page agree.
 * @example await writeFile("factur-x.xml", invoiceCiiXml(doc));
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
import { date102, xmlAmount, xmlDecimal } from "./document-format.ts";
import { documentNotes } from "./document-notes.ts";
import { formAndCapital, registration } from "./seller-legal.ts";
import { el, type Node, text, value } from "./xml-text.ts";

/** BT-24: the EN 16931 profile of Factur-X. */
export const FACTURX_EN16931_GUIDELINE = "urn:cen.eu:en16931:2017";
const NS = {
  "xmlns:rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
  "xmlns:qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
  "xmlns:ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
  "xmlns:udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
};

const dateTime = (name: string, iso: string) =>
  el(name, null, el("udt:DateTimeString", { format: "102" }, date102(iso)));

function address(a: PostalAddress | null, country: string): string {
  const streets = (a?.street ?? "")
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return el(
    "ram:PostalTradeAddress",
    null,
    value("ram:PostcodeCode", a?.postalCode),
    value("ram:LineOne", streets[0]),
    value("ram:LineTwo", streets[1]),
    value("ram:LineThree", streets.slice(2).join(", ")),
    value("ram:CityName", a?.city),
    value("ram:CountryID", (a?.country ?? country).toUpperCase()),
  );
}

function email(address: string | null): Node {
  return (
    address &&
    el("ram:URIUniversalCommunication", null, value("ram:URIID", address, { schemeID: "EM" }))
  );
}

function seller(s: OrganizationIdentity, currency: string): string {
  const description = [formAndCapital(s, currency, "fr"), registration(s)]
    .filter(Boolean)
    .join(", ");
  return el(
    "ram:SellerTradeParty",
    null,
    value("ram:Name", s.legalName),
    value("ram:Description", description),
    s.siren &&
      el("ram:SpecifiedLegalOrganization", null, value("ram:ID", s.siren, { schemeID: "0002" })),
    address(s.address, "FR"),
    email(s.email),
    s.vatNumber &&
      el("ram:SpecifiedTaxRegistration", null, value("ram:ID", s.vatNumber, { schemeID: "VA" })),
  );
}

function buyer(b: InvoiceBuyer): string {
  const business = b.kind === "business";
  return el(
    "ram:BuyerTradeParty",
    null,
    value("ram:Name", b.name),
    business &&
      b.siren &&
      el("ram:SpecifiedLegalOrganization", null, value("ram:ID", b.siren, { schemeID: "0002" })),
    address(b.address, b.country),
    email(b.email),
    business &&
      b.vatNumber &&
      el("ram:SpecifiedTaxRegistration", null, value("ram:ID", b.vatNumber, { schemeID: "VA" })),
  );
}

export function invoiceCiiXml(doc: InvoiceDocument): string {
  // A quote is an offer, not an invoice: the caller never asks (a programming error).
  if (doc.kind === "quote") throw new TypeError("a quote has no Factur-X XML");
  const totals = computeTotals(doc);
  const money = (minor: number) => xmlAmount(minor, doc.currency);
  const exemptionText = doc.vatExemption ? vatExemptionText(doc.vatExemption, "fr") : null;

  const lines = doc.lines.map((line, i) => {
    const category = vatCategory(doc.vatExemption, line.vatRate);
    const discount = line.discountMinor ?? 0;
    return el(
      "ram:IncludedSupplyChainTradeLineItem",
      null,
      el("ram:AssociatedDocumentLineDocument", null, value("ram:LineID", i + 1)),
      el("ram:SpecifiedTradeProduct", null, value("ram:Name", line.description)),
      el(
        "ram:SpecifiedLineTradeAgreement",
        null,
        el(
          "ram:NetPriceProductTradePrice",
          null,
          value("ram:ChargeAmount", money(line.unitPriceMinor)),
        ),
      ),
      el(
        "ram:SpecifiedLineTradeDelivery",
        null,
        value("ram:BilledQuantity", xmlDecimal(line.quantity), { unitCode: "C62" }),
      ),
      el(
        "ram:SpecifiedLineTradeSettlement",
        null,
        el(
          "ram:ApplicableTradeTax",
          null,
          value("ram:TypeCode", "VAT"),
          value("ram:CategoryCode", category),
          value("ram:RateApplicablePercent", xmlDecimal(category === "S" ? line.vatRate : 0)),
        ),
        discount !== 0 &&
          el(
            "ram:SpecifiedTradeAllowanceCharge",
            null,
            el("ram:ChargeIndicator", null, el("udt:Indicator", null, "false")),
            value("ram:ActualAmount", money(discount)),
            value("ram:Reason", "Remise"),
          ),
        el(
          "ram:SpecifiedTradeSettlementLineMonetarySummation",
          null,
          value("ram:LineTotalAmount", money(totals.lineNets[i] as number)),
        ),
      ),
    );
  });

  const breakdown = totals.vatBreakdown.map((row) =>
    el(
      "ram:ApplicableTradeTax",
      null,
      value("ram:CalculatedAmount", money(row.vatMinor)),
      value("ram:TypeCode", "VAT"),
      row.exemptionCode && value("ram:ExemptionReason", exemptionText),
      value("ram:BasisAmount", money(row.taxableMinor)),
      value("ram:CategoryCode", row.category),
      value("ram:ExemptionReasonCode", row.exemptionCode),
      value("ram:RateApplicablePercent", xmlDecimal(row.rate)),
    ),
  );

  const service = doc.service;
  const references = [
    ...(doc.references.correctedInvoice ? [doc.references.correctedInvoice] : []),
    ...(doc.references.deposits ?? []),
  ].map((ref) =>
    el(
      "ram:InvoiceReferencedDocument",
      null,
      value("ram:IssuerAssignedID", ref.number),
      ref.issueDate &&
        el(
          "ram:FormattedIssueDateTime",
          null,
          el("qdt:DateTimeString", { format: "102" }, date102(ref.issueDate)),
        ),
    ),
  );
  const orders = doc.references.orders ?? [];
  const penaltyTerms = documentNotes(doc)
    .filter((n) => n.subjectCode === "PMD" || n.subjectCode === "AAB")
    .map((n) => n.content)
    .join(" ; ");

  return `<?xml version="1.0" encoding="UTF-8"?>\n${el(
    "rsm:CrossIndustryInvoice",
    NS,
    el(
      "rsm:ExchangedDocumentContext",
      null,
      el(
        "ram:GuidelineSpecifiedDocumentContextParameter",
        null,
        value("ram:ID", FACTURX_EN16931_GUIDELINE),
      ),
    ),
    el(
      "rsm:ExchangedDocument",
      null,
      value("ram:ID", doc.number),
      value("ram:TypeCode", DOCUMENT_TYPE_CODES[doc.kind]),
      dateTime("ram:IssueDateTime", doc.issueDate),
      documentNotes(doc).map((note) =>
        el(
          "ram:IncludedNote",
          null,
          el("ram:Content", null, text(note.content)),
          value("ram:SubjectCode", note.subjectCode),
        ),
      ),
    ),
    el(
      "rsm:SupplyChainTradeTransaction",
      null,
      lines,
      el(
        "ram:ApplicableHeaderTradeAgreement",
        null,
        seller(doc.seller, doc.currency),
        buyer(doc.buyer),
        orders[0] &&
          el("ram:SellerOrderReferencedDocument", null, value("ram:IssuerAssignedID", orders[0])),
      ),
      el(
        "ram:ApplicableHeaderTradeDelivery",
        null,
        service &&
          "date" in service &&
          el(
            "ram:ActualDeliverySupplyChainEvent",
            null,
            dateTime("ram:OccurrenceDateTime", service.date),
          ),
      ),
      el(
        "ram:ApplicableHeaderTradeSettlement",
        null,
        value("ram:PaymentReference", doc.number),
        value("ram:InvoiceCurrencyCode", doc.currency),
        breakdown,
        service &&
          "period" in service &&
          el(
            "ram:BillingSpecifiedPeriod",
            null,
            dateTime("ram:StartDateTime", service.period.start),
            dateTime("ram:EndDateTime", service.period.end),
          ),
        (doc.dueDate || penaltyTerms) &&
          el(
            "ram:SpecifiedTradePaymentTerms",
            null,
            value("ram:Description", penaltyTerms),
            doc.dueDate && dateTime("ram:DueDateDateTime", doc.dueDate),
          ),
        el(
          "ram:SpecifiedTradeSettlementHeaderMonetarySummation",
          null,
          value("ram:LineTotalAmount", money(totals.lineNetTotalMinor)),
          value("ram:ChargeTotalAmount", money(totals.chargeTotalMinor)),
          value("ram:AllowanceTotalAmount", money(totals.allowanceTotalMinor)),
          value("ram:TaxBasisTotalAmount", money(totals.totalExclVatMinor)),
          value("ram:TaxTotalAmount", money(totals.vatTotalMinor), { currencyID: doc.currency }),
          value("ram:GrandTotalAmount", money(totals.totalInclVatMinor)),
          value("ram:TotalPrepaidAmount", money(totals.depositsDrawnDownMinor)),
          value("ram:DuePayableAmount", money(totals.amountDueMinor)),
        ),
        references,
      ),
    ),
  )}\n`;
}
