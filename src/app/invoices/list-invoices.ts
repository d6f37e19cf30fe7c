/**
 * Invoices as a list or one at a time, each with its balance (amount - payments - credit
 * notes, from the ledger's facts, spec section 1) and its status as of a day: draft, issued
 * (not due yet), overdue, paid. As of a past day, only what was known then counts.
 */
import {
  balanceOf,
  type InvoiceRecord,
  type InvoiceStatus,
  invoiceStatus,
  isoDay,
} from "../../domain/invoicing/invoice-record.ts";
import { computeTotals, type InvoiceTotals } from "../../domain/invoicing/invoice-totals.ts";
import { findCustomer } from "../../store/customer-records.ts";
import {
  type InvoiceFilter,
  invoiceDb,
  listInvoices as listRecords,
  type Settlements,
  settlementsOf,
} from "../../store/invoice-repository.ts";
import { type InvoiceContext, nowOf, requireInvoice } from "./invoice-support.ts";

export interface InvoiceView {
  record: InvoiceRecord;
  customerName: string | null;
  totals: InvoiceTotals;
  /** Minor units; null for a draft. */
  paidMinor: number | null;
  creditedMinor: number | null;
  balanceMinor: number | null;
  status: InvoiceStatus;
}

function totalsOf(record: InvoiceRecord): InvoiceTotals {
  return computeTotals(
    record.document ?? { lines: record.lines, vatExemption: null, references: record.references },
  );
}

function view(
  record: InvoiceRecord,
  settlements: Settlements,
  asOfDay: string,
  customerName: string | null,
): InvoiceView {
  const totals = totalsOf(record);
  if (record.state === "draft" || record.number === null) {
    return {
      record,
      customerName,
      totals,
      paidMinor: null,
      creditedMinor: null,
      balanceMinor: null,
      status: "draft",
    };
  }
  const paid = settlements.paid.get(record.number) ?? 0;
  const credited = settlements.credited.get(record.number) ?? 0;
  const balance =
    record.kind === "credit_note" ? 0 : balanceOf(record.amountMinor ?? 0, paid, credited);
  return {
    record,
    customerName,
    totals,
    paidMinor: paid,
    creditedMinor: credited,
    balanceMinor: balance,
    status: invoiceStatus(record, balance, asOfDay),
  };
}

export interface ListInvoicesQuery extends Omit<InvoiceFilter, "state"> {
  status?: InvoiceStatus;
  /** Epoch ms: the day statuses are judged on (default now). */
  asOf?: number;
}

export async function listInvoiceViews(
  ctx: InvoiceContext,
  query: ListInvoicesQuery = {},
): Promise<InvoiceView[]> {
  const asOf = query.asOf ?? nowOf(ctx);
  const asOfDay = isoDay(asOf);
  const { status, asOf: _a, ...filter } = query;
  const records = await listRecords(invoiceDb(ctx.store.db), ctx.org.id, {
    ...filter,
    state: status === undefined ? undefined : status === "draft" ? "draft" : "issued",
  });
  // As of a day: the payments and credit notes known then, the invoices issued by then.
  const settlements = await settlementsOf(ctx.store.db, ctx.org.id, undefined, asOf);
  const names = new Map<string, string | null>();
  const views: InvoiceView[] = [];
  for (const record of records) {
    if (record.issueDate !== null && record.issueDate > asOfDay) continue;
    if (!names.has(record.customer)) {
      const c = await findCustomer(ctx.store, ctx.org.id, record.customer);
      names.set(record.customer, c?.name ?? null);
    }
    const v = view(record, settlements, asOfDay, names.get(record.customer) ?? null);
    if (status === undefined || v.status === status) views.push(v);
  }
  return views;
}

export async function getInvoiceView(
  ctx: InvoiceContext,
  idOrNumber: string,
  asOf?: number,
): Promise<InvoiceView> {
  const record = await requireInvoice(invoiceDb(ctx.store.db), ctx.org.id, idOrNumber);
  const settlements = await settlementsOf(
    ctx.store.db,
    ctx.org.id,
    record.number ?? undefined,
    asOf,
  );
  const customer = await findCustomer(ctx.store, ctx.org.id, record.customer);
  return view(record, settlements, isoDay(asOf ?? nowOf(ctx)), customer?.name ?? null);
}
