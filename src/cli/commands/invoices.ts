import { writeFileSync } from "node:fs";
import { exportInvoicesCsv } from "../../app/invoices/export-invoices-csv.ts";
import { listInvoiceViews } from "../../app/invoices/list-invoices.ts";
import { formatMoney } from "../../app/scorecards/present-scorecard.ts";
import { AppError } from "../../domain/errors.ts";
import {
  INVOICE_STATUSES,
  type InvoiceStatus,
  isoDay,
} from "../../domain/invoicing/invoice-record.ts";
import { fromMinor, minorDigits } from "../../domain/money.ts";
import { getCharter } from "../../store/charter-repository.ts";
import type { CommandContext } from "../context.ts";
import { type Colour, colourEnabled, renderTable, writeJson } from "../output.ts";

const STATUS_LABELS: Record<InvoiceStatus, { fr: string; en: string }> = {
  draft: { fr: "brouillon", en: "draft" },
  issued: { fr: "émise", en: "issued" },
  overdue: { fr: "en retard", en: "overdue" },
  paid: { fr: "réglée", en: "paid" },
};
const STATUS_COLOURS: Record<InvoiceStatus, Colour> = {
  draft: "grey",
  issued: "blue",
  overdue: "red",
  paid: "green",
};
const KIND_LABELS = {
  invoice: { fr: "facture", en: "invoice" },
  deposit: { fr: "acompte", en: "deposit" },
  credit_note: { fr: "avoir", en: "credit note" },
} as const;

function day(text: string | undefined, option: string): string | undefined {
  if (text === undefined) return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || isoDay(ms) !== text)
    throw new AppError("BAD_INPUT", `--${option}: "${text}" is not a date such as 2026-12-07`);
  return text;
}

/** `comptoir invoices`: see the catalogue in ../commands.ts for its usage and options. */
export async function run(ctx: CommandContext): Promise<number> {
  const status = ctx.string("status");
  if (status !== undefined && !(INVOICE_STATUSES as readonly string[]).includes(status)) {
    throw new AppError(
      "USAGE",
      `--status: "${status}" is not one of ${INVOICE_STATUSES.join(", ")}`,
    );
  }
  const store = await ctx.store();
  const org = await ctx.organization();
  const lang = ctx.langOf(org);
  const invoiceCtx = { store, org, actor: { userId: "cli", role: "owner" as const } };
  if (ctx.parsed.values.csv) {
    const asOfDay = isoDay(ctx.asOf());
    const from = day(ctx.string("from"), "from") ?? `${asOfDay.slice(0, 7)}-01`;
    const to = day(ctx.string("to"), "to") ?? asOfDay;
    if (from > to) throw new AppError("BAD_INPUT", "--to: the period ends before it starts");
    const csv = await exportInvoicesCsv(invoiceCtx, { from, to });
    const out = ctx.string("out");
    if (out) writeFileSync(out, csv);
    else ctx.io.stdout.write(csv);
    return 0;
  }
  const { currency } = await getCharter(store, org.id);
  const views = await listInvoiceViews(invoiceCtx, {
    status: status as InvoiceStatus | undefined,
    customer: ctx.string("customer"),
    asOf: ctx.asOf(),
  });
  const m = (minor: number | null) =>
    minor === null ? null : fromMinor(minor, minorDigits(currency));
  const rows = views.map((v) => ({
    number: v.record.number,
    id: v.record.id,
    kind: v.record.kind,
    status: v.status,
    customer: v.record.customer,
    name: v.customerName,
    issue_date: v.record.issueDate,
    due_date: v.record.dueDate,
    total_excl_vat: m(v.totals.totalExclVatMinor),
    total_vat: m(v.totals.vatTotalMinor),
    total_incl_vat: m(v.totals.totalInclVatMinor),
    amount: m(v.record.amountMinor ?? v.totals.amountDueMinor),
    paid: m(v.paidMinor),
    credited: m(v.creditedMinor),
    balance: m(v.balanceMinor),
    corrects: v.record.references.correctedInvoice?.number ?? null,
  }));
  if (ctx.json) {
    writeJson(ctx.io, rows);
    return 0;
  }
  const fr = lang === "fr";
  const money = (n: number | null) => (n === null ? "" : formatMoney(n, currency, lang));
  const date = (d: string | null) =>
    d === null
      ? ""
      : new Intl.DateTimeFormat(fr ? "fr-FR" : "en-GB", { timeZone: "UTC" }).format(
          new Date(`${d}T00:00:00Z`),
        );
  if (rows.length === 0) {
    ctx.io.stdout.write(fr ? "Aucune facture.\n" : "No invoices.\n");
    return 0;
  }
  ctx.io.stdout.write(
    renderTable(
      rows,
      [
        {
          title: fr ? "numéro" : "number",
          value: (r) => r.number ?? (fr ? "(brouillon)" : "(draft)"),
        },
        { title: fr ? "type" : "kind", value: (r) => KIND_LABELS[r.kind][lang] },
        {
          title: fr ? "état" : "status",
          value: (r) => STATUS_LABELS[r.status][lang],
          colour: (r) => STATUS_COLOURS[r.status],
        },
        { title: fr ? "client" : "customer", value: (r) => r.name ?? r.customer },
        { title: fr ? "émise le" : "issued", value: (r) => date(r.issue_date) },
        { title: fr ? "échéance" : "due", value: (r) => date(r.due_date) },
        { title: "TTC", value: (r) => money(r.total_incl_vat), align: "right" },
        { title: fr ? "reste dû" : "balance", value: (r) => money(r.balance), align: "right" },
      ],
      colourEnabled(ctx.io),
    ),
  );
  return 0;
}
