/**
 * An invoice as the app keeps it (issue 16): a draft (lines editable, no number) or an issued
 * document (numbered, immutable, in the ledger as an `invoice` or `credit_note` fact). Pure
 * rules: checking lines, the ledger fact of an issued document, its status as of a day, and the
 * accountant's CSV row.
 */
import type { CreditNoteFact, InvoiceFact } from "../facts.ts";
import { fromMinor, minorDigits } from "../money.ts";
import {
  type DocumentKind,
  type InvoiceDocument,
  type InvoiceLine,
  type InvoiceReferences,
  LINE_NATURES,
  type ServiceDate,
} from "./invoice-document.ts";
import { computeTotals, type InvoiceTotals, quantityMilli, rateCenti } from "./invoice-totals.ts";

export type InvoiceState = "draft" | "issued";
/** What a list filters by: issued splits into issued (not due yet), overdue and paid. */
export const INVOICE_STATUSES = ["draft", "issued", "overdue", "paid"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
/** The kinds a person drafts (a quote is rendered from an intake order, not numbered here). */
export const INVOICE_KINDS = ["invoice", "deposit", "credit_note"] as const;
export type InvoiceKind = Exclude<DocumentKind, "quote">;

export interface InvoiceRecord {
  id: string;
  kind: InvoiceKind;
  state: InvoiceState;
  customer: string;
  lines: InvoiceLine[];
  references: InvoiceReferences;
  service: ServiceDate | null;
  notes: string[];
  /** Credit notes: why (the fact's `reason`). */
  reason: string | null;
  /** Set when issued. */
  series: string | null;
  number: string | null;
  issueDate: string | null;
  dueDate: string | null;
  /** What the fact says the customer pays (amount due), minor units. */
  amountMinor: number | null;
  /** The document as issued: the seller's identity and the buyer of that day. */
  document: InvoiceDocument | null;
  createdBy: string;
  createdAt: string;
  issuedBy: string | null;
  issuedAt: string | null;
}

export interface LineProblem {
  field: string;
  reason: string;
}

/** VAT rates in force in France (percent), the ones a line may carry. */
export const FRENCH_VAT_RATES = [20, 10, 8.5, 5.5, 2.1, 1.05, 0.9, 0] as const;
export const MAX_LINES = 500;

/**
 * Checks a draft's lines, each problem naming its field (`lines[2].quantity: must be more
 * than 0`); an empty list is allowed in a draft and refused at issue (see checkIssuable).
 */
export function checkLines(lines: readonly InvoiceLine[]): LineProblem[] {
  const problems: LineProblem[] = [];
  if (lines.length > MAX_LINES)
    problems.push({ field: "lines", reason: `at most ${MAX_LINES} lines` });
  lines.forEach((line, i) => {
    const say = (f: string, reason: string) => problems.push({ field: `lines[${i}].${f}`, reason });
    if (line.description.trim() === "") say("description", "is required");
    if (line.description.length > 1000) say("description", "is longer than 1000 characters");
    if (!(line.quantity > 0)) say("quantity", "must be more than 0");
    else {
      try {
        quantityMilli(line.quantity);
        if (line.quantity > 1_000_000) say("quantity", "must be at most 1000000");
      } catch {
        say("quantity", "has more than 3 decimals");
      }
    }
    if (!Number.isSafeInteger(line.unitPriceMinor) || line.unitPriceMinor < 0)
      say("unitPrice", "must be a positive amount in the currency's minor unit at most");
    else if (line.unitPriceMinor > 1e12) say("unitPrice", "is too large");
    let rateOk = true;
    try {
      rateCenti(line.vatRate);
    } catch {
      rateOk = false;
    }
    if (!rateOk || !(FRENCH_VAT_RATES as readonly number[]).includes(line.vatRate))
      say("vatRate", `must be one of ${FRENCH_VAT_RATES.join(", ")}`);
    const discount = line.discountMinor ?? 0;
    if (!Number.isSafeInteger(discount) || discount < 0) say("discount", "must not be negative");
    else if (
      problems.every((p) => !p.field.startsWith(`lines[${i}].`)) &&
      discount > Math.round(line.quantity * line.unitPriceMinor)
    )
      say("discount", "is more than the line's amount");
    if (!(LINE_NATURES as readonly string[]).includes(line.nature))
      say("nature", "must be goods or services");
  });
  return problems;
}

/** Problems that stop a draft from being issued (beyond the lines' own). */
export function checkIssuable(record: InvoiceRecord, totals: InvoiceTotals): LineProblem[] {
  const problems = checkLines(record.lines);
  if (record.lines.length === 0) problems.push({ field: "lines", reason: "add at least one line" });
  if (record.kind === "credit_note" && !record.references.correctedInvoice)
    problems.push({ field: "invoice", reason: "a credit note names the invoice it corrects" });
  if (record.kind !== "credit_note" && problems.length === 0 && totals.amountDueMinor < 0)
    problems.push({
      field: "references.deposits",
      reason: "the deposits drawn down are more than the invoice's total",
    });
  return problems;
}

const ISO_DATE = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const isoDay = ISO_DATE;

/** Amounts of the fact's extra fields: decimal numbers, as the ledger's other amounts. */
function decimal(minor: number, currency: string): number {
  return fromMinor(minor, minorDigits(currency));
}

/**
 * The ledger fact of an issued document (spec section 1): an `invoice` (deposits too, with
 * `kind: "deposit"` among the extra fields) or a `credit_note`, whose id is the full number.
 * Extra fields: number, series, kind, issue date, lines, the VAT breakdown and the totals,
 * the orders and the deposits drawn down; scoring reads only the spec's fields.
 */
export function issuedFact(
  doc: InvoiceDocument,
  totals: InvoiceTotals,
  customer: string,
  at: number,
  reason?: string | null,
): InvoiceFact | CreditNoteFact {
  const cur = doc.currency;
  const extra: Record<string, unknown> = {
    number: doc.number,
    series: doc.series,
    kind: doc.kind,
    issue_date: doc.issueDate,
    currency: cur,
    lines: doc.lines.map((l, i) => ({
      description: l.description,
      quantity: l.quantity,
      unit_price: decimal(l.unitPriceMinor, cur),
      vat_rate: l.vatRate,
      ...(l.discountMinor ? { discount: decimal(l.discountMinor, cur) } : {}),
      nature: l.nature,
      net: decimal(totals.lineNets[i] as number, cur),
      ...(l.order ? { order: l.order } : {}),
    })),
    vat: totals.vatBreakdown.map((r) => ({
      category: r.category,
      rate: r.rate,
      base: decimal(r.taxableMinor, cur),
      vat: decimal(r.vatMinor, cur),
    })),
    total_excl_vat: decimal(totals.totalExclVatMinor, cur),
    total_vat: decimal(totals.vatTotalMinor, cur),
    total_incl_vat: decimal(totals.totalInclVatMinor, cur),
  };
  if (doc.vatExemption) extra.vat_exemption = doc.vatExemption;
  const orders = doc.references.orders ?? [];
  if (orders.length > 1) extra.orders = orders;
  if (doc.references.deposits?.length)
    extra.deposits = doc.references.deposits.map((d) => ({
      number: d.number,
      amount: decimal(d.amountMinor, cur),
    }));
  if (doc.kind === "credit_note") {
    const fact: CreditNoteFact = {
      type: "credit_note",
      id: doc.number,
      at,
      customer,
      invoice: doc.references.correctedInvoice?.number ?? "",
      amount: totals.totalInclVatMinor,
      extra,
    };
    if (reason) fact.reason = reason;
    return fact;
  }
  const fact: InvoiceFact = {
    type: "invoice",
    id: doc.number,
    at,
    customer,
    amount: totals.amountDueMinor,
    due: Date.parse(`${doc.dueDate ?? doc.issueDate}T00:00:00Z`),
    extra,
  };
  if (orders[0]) fact.order = orders[0];
  return fact;
}

/**
 * The status of an invoice as of a day: a draft; paid once nothing is left due; overdue after
 * its due date with a balance; else issued. A credit note is "paid" (it is settled by itself).
 */
export function invoiceStatus(
  record: Pick<InvoiceRecord, "state" | "kind" | "dueDate">,
  balanceMinor: number,
  asOfDay: string,
): InvoiceStatus {
  if (record.state === "draft") return "draft";
  if (record.kind === "credit_note" || balanceMinor <= 0) return "paid";
  if (record.dueDate !== null && asOfDay > record.dueDate) return "overdue";
  return "issued";
}

/** Outstanding balance (spec section 1): amount - payments - credit notes. */
export function balanceOf(amountMinor: number, paidMinor: number, creditedMinor: number): number {
  return amountMinor - paidMinor - creditedMinor;
}

export { computeTotals };
