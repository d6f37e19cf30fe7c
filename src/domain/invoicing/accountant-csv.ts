/**
 * The accountant's export (issue 16): one line per document over a period (invoices, deposit
 * invoices, credit notes, payments), with the taxable base and the VAT of each rate in its own
 * columns, then the totals. Semicolons and decimal commas, as French spreadsheets and
 * accounting software read them; credit notes count negative (they reduce sales). Text cells
 * go through csvField (formula neutralizing, RFC 4180 quoting); amounts are written as they are.
 */
import { csvField } from "../csv-cells.ts";
import type { Lang } from "../organization-identity.ts";
import type { InvoiceTotals } from "./invoice-totals.ts";

export interface AccountantDocument {
  kind: "invoice" | "deposit" | "credit_note";
  number: string;
  issueDate: string;
  dueDate: string | null;
  customer: string;
  customerName: string;
  siren: string | null;
  vatNumber: string | null;
  /** For a credit note: the invoice it corrects. */
  corrects: string | null;
  totals: InvoiceTotals;
}

export interface AccountantPayment {
  id: string;
  date: string;
  customer: string;
  customerName: string;
  invoice: string;
  amountMinor: number;
  method: string | null;
}

const HEAD: Record<Lang, Record<string, string>> = {
  fr: {
    date: "date",
    type: "type",
    number: "numero",
    customer: "client",
    name: "nom_client",
    siren: "siren_client",
    vat: "tva_intracom_client",
    ref: "facture_liee",
    base: "base_ht",
    vatAt: "tva",
    excl: "total_ht",
    vatTotal: "total_tva",
    incl: "total_ttc",
    deposits: "acomptes_deduits",
    due: "net_a_payer",
    dueDate: "echeance",
    method: "mode_reglement",
    invoice: "facture",
    deposit: "acompte",
    credit_note: "avoir",
    payment: "reglement",
  },
  en: {
    date: "date",
    type: "type",
    number: "number",
    customer: "customer",
    name: "customer_name",
    siren: "customer_siren",
    vat: "customer_vat_number",
    ref: "related_invoice",
    base: "base_excl_vat",
    vatAt: "vat",
    excl: "total_excl_vat",
    vatTotal: "total_vat",
    incl: "total_incl_vat",
    deposits: "deposits_deducted",
    due: "amount_due",
    dueDate: "due_date",
    method: "payment_method",
    invoice: "invoice",
    deposit: "deposit",
    credit_note: "credit_note",
    payment: "payment",
  },
};

/** Minor units as a decimal with a comma: 123456 -> "1234,56" (2 digits). */
export function decimalComma(minor: number, digits: number): string {
  const negative = minor < 0;
  const abs = Math.abs(minor);
  const text =
    digits === 0
      ? String(abs)
      : `${Math.floor(abs / 10 ** digits)},${String(abs % 10 ** digits).padStart(digits, "0")}`;
  return negative && abs !== 0 ? `-${text}` : text;
}

const AMOUNT = /^-?\d+(,\d+)?$/;

/** A record: amounts as they are (a negative one is a number, not a formula), text neutralized. */
function csvRecord(cells: readonly string[], delimiter: string): string {
  return `${cells.map((c) => (AMOUNT.test(c) ? c : csvField(c, delimiter))).join(delimiter)}\r\n`;
}

/** "20" -> "20", 5.5 -> "5_5" (a column name). */
const rateKey = (rate: number) => String(rate).replace(".", "_");

/**
 * The CSV text: a header row, then the documents and payments by date then number. Each rate
 * used in the period gets two columns, base and VAT (exempt documents use the 0 rate's base).
 */
export function accountantCsv(
  documents: readonly AccountantDocument[],
  payments: readonly AccountantPayment[],
  digits: number,
  lang: Lang,
): string {
  const h = HEAD[lang];
  const rates = [
    ...new Set(documents.flatMap((d) => d.totals.vatBreakdown.map((r) => r.rate))),
  ].sort((a, b) => b - a);
  const money = (minor: number) => decimalComma(minor, digits);
  let out = csvRecord(
    [
      h.date,
      h.type,
      h.number,
      h.customer,
      h.name,
      h.siren,
      h.vat,
      h.ref,
      ...rates.flatMap((r) => [`${h.base}_${rateKey(r)}`, `${h.vatAt}_${rateKey(r)}`]),
      h.excl,
      h.vatTotal,
      h.incl,
      h.deposits,
      h.due,
      h.dueDate,
      h.method,
    ],
    ";",
  );
  type Row = { date: string; number: string; cells: string[] };
  const rows: Row[] = documents.map((d) => {
    const sign = d.kind === "credit_note" ? -1 : 1;
    const t = d.totals;
    const perRate = rates.flatMap((rate) => {
      const found = t.vatBreakdown.filter((r) => r.rate === rate);
      if (found.length === 0) return ["", ""];
      const base = found.reduce((s, r) => s + r.taxableMinor, 0);
      const vat = found.reduce((s, r) => s + r.vatMinor, 0);
      return [money(sign * base), money(sign * vat)];
    });
    return {
      date: d.issueDate,
      number: d.number,
      cells: [
        d.issueDate,
        h[d.kind] as string,
        d.number,
        d.customer,
        d.customerName,
        d.siren ?? "",
        d.vatNumber ?? "",
        d.corrects ?? "",
        ...perRate,
        money(sign * t.totalExclVatMinor),
        money(sign * t.vatTotalMinor),
        money(sign * t.totalInclVatMinor),
        money(sign * t.depositsDrawnDownMinor),
        money(sign * t.amountDueMinor),
        d.dueDate ?? "",
        "",
      ],
    };
  });
  for (const p of payments) {
    rows.push({
      date: p.date,
      number: p.id,
      cells: [
        p.date,
        h.payment as string,
        p.id,
        p.customer,
        p.customerName,
        "",
        "",
        p.invoice,
        ...rates.flatMap(() => ["", ""]),
        "",
        "",
        money(p.amountMinor),
        "",
        "",
        "",
        p.method ?? "",
      ],
    });
  }
  rows.sort((a, b) => a.date.localeCompare(b.date) || a.number.localeCompare(b.number));
  for (const r of rows) out += csvRecord(r.cells, ";");
  return out;
}
