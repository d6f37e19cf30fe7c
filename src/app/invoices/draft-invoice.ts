/**
 * Drafts: created standalone or from one or more orders in the ledger (one line each, at the
 * price the customer pays, VAT split out at the line's rate, and the deposits issued for those
 * orders drawn down), edited freely, deleted; issued with issue-invoice.ts. A credit note is
 * drafted from the invoice it corrects (its lines, or one line for an amount).
 */
import { randomBytes } from "node:crypto";
import { AppError } from "../../domain/errors.ts";
import type { OrderFact } from "../../domain/facts.ts";
import type {
  InvoiceLine,
  InvoiceReferences,
  ServiceDate,
} from "../../domain/invoicing/invoice-document.ts";
import { checkLines, type InvoiceRecord } from "../../domain/invoicing/invoice-record.ts";
import { computeTotals, depositBase } from "../../domain/invoicing/invoice-totals.ts";
import type { Store } from "../../store/database.ts";
import { findFact } from "../../store/fact-repository.ts";
import {
  deleteDraft,
  depositsForOrders,
  drawnDownDeposits,
  type InvoiceDb,
  insertInvoice,
  updateInvoice,
} from "../../store/invoice-repository.ts";
import {
  type InvoiceContext,
  inInvoiceTransaction,
  nowOf,
  requireCustomer,
  requireDraft,
  requireInvoice,
} from "./invoice-support.ts";

/** The rate of lines made from an order's price (orders carry prices incl. VAT, no rate). */
export const DEFAULT_VAT_RATE = 20;

export interface DraftInput {
  kind?: "invoice" | "deposit";
  customer: string;
  /** Orders of the ledger to invoice: one line each, their deposits drawn down. */
  orders?: string[];
  lines?: InvoiceLine[];
  service?: ServiceDate | null;
  notes?: string[];
}

export function newDraftId(): string {
  return `dr-${randomBytes(5).toString("hex")}`;
}

function refuse(problems: { field: string; reason: string }[]): never {
  throw new AppError(
    "BAD_INPUT",
    problems.map((p) => `${p.field}: ${p.reason}`).join("; "),
    problems.map((p) => ({ field: p.field, reason: p.reason })),
  );
}

/** A line for an order: its description, its price incl. VAT split at the default rate. */
export function orderLine(order: OrderFact, rate = DEFAULT_VAT_RATE): InvoiceLine {
  const label = order.description || order.service || `Commande ${order.id}`;
  return {
    description: label,
    quantity: 1,
    unitPriceMinor: depositBase(order.price, rate),
    vatRate: rate,
    nature: "services",
    order: order.id,
  };
}

async function ordersOf(facts: Store, orgId: string, customer: string, ids: readonly string[]) {
  const orders: OrderFact[] = [];
  for (const [i, id] of ids.entries()) {
    const order = await findFact(facts, orgId, "order", id);
    if (order?.type !== "order") refuse([{ field: `orders[${i}]`, reason: `no order "${id}"` }]);
    if (order.customer !== customer)
      refuse([{ field: `orders[${i}]`, reason: `order "${id}" is another customer's` }]);
    orders.push(order);
  }
  return orders;
}

/** References of a final invoice for these orders: the deposits not drawn down yet. */
async function referencesFor(db: InvoiceDb, orgId: string, orders: string[]) {
  const references: InvoiceReferences = {};
  if (orders.length === 0) return references;
  references.orders = orders;
  const drawn = await drawnDownDeposits(db, orgId);
  const deposits = (await depositsForOrders(db, orgId, orders)).filter(
    (d) => d.number !== null && !drawn.has(d.number),
  );
  if (deposits.length > 0)
    references.deposits = deposits.map((d) => ({
      number: d.number as string,
      issueDate: d.issueDate ?? undefined,
      amountMinor: d.amountMinor ?? 0,
    }));
  return references;
}

export async function createDraft(ctx: InvoiceContext, input: DraftInput): Promise<InvoiceRecord> {
  return inInvoiceTransaction(ctx.store, async (db, facts) => {
    await requireCustomer(facts, ctx.org.id, input.customer);
    const orderIds = [...new Set(input.orders ?? [])];
    const orders = await ordersOf(facts, ctx.org.id, input.customer, orderIds);
    const lines = [...orders.map((o) => orderLine(o)), ...(input.lines ?? [])];
    const problems = checkLines(lines);
    if (problems.length > 0) refuse(problems);
    const kind = input.kind ?? "invoice";
    const record: InvoiceRecord = {
      id: newDraftId(),
      kind,
      state: "draft",
      customer: input.customer,
      lines,
      references:
        kind === "invoice"
          ? await referencesFor(db, ctx.org.id, orderIds)
          : orderIds.length
            ? { orders: orderIds }
            : {},
      service: input.service ?? null,
      notes: input.notes ?? [],
      reason: null,
      series: null,
      number: null,
      issueDate: null,
      dueDate: null,
      amountMinor: null,
      document: null,
      createdBy: ctx.actor.userId,
      createdAt: new Date(nowOf(ctx)).toISOString(),
      issuedBy: null,
      issuedAt: null,
    };
    await insertInvoice(db, ctx.org.id, record);
    return record;
  });
}

export interface DraftPatch {
  lines?: InvoiceLine[];
  service?: ServiceDate | null;
  notes?: string[];
  reason?: string | null;
}

/** Changes a draft; an issued invoice is refused (INVOICE_ISSUED) and stays as it was. */
export async function updateDraft(
  ctx: InvoiceContext,
  id: string,
  patch: DraftPatch,
): Promise<InvoiceRecord> {
  return inInvoiceTransaction(ctx.store, async (db) => {
    const record = await requireInvoice(db, ctx.org.id, id);
    requireDraft(record, "changed");
    const next: InvoiceRecord = {
      ...record,
      lines: patch.lines ?? record.lines,
      service: patch.service === undefined ? record.service : patch.service,
      notes: patch.notes ?? record.notes,
      reason: patch.reason === undefined ? record.reason : patch.reason,
    };
    const problems = checkLines(next.lines);
    if (problems.length > 0) refuse(problems);
    await updateInvoice(db, ctx.org.id, next);
    return next;
  });
}

export async function removeDraft(ctx: InvoiceContext, id: string): Promise<void> {
  await inInvoiceTransaction(ctx.store, async (db) => {
    const record = await requireInvoice(db, ctx.org.id, id);
    requireDraft(record, "deleted");
    await deleteDraft(db, ctx.org.id, record.id);
  });
}

export interface CreditNoteInput {
  /** The amount incl. VAT to credit, in minor units; default the whole invoice (its lines). */
  amountMinor?: number;
  reason?: string;
}

/**
 * A credit note draft against the issued invoice `number`: its lines (a full credit), or one
 * line "Avoir sur la facture ..." worth `amountMinor` incl. VAT at the invoice's main rate.
 */
export async function draftCreditNote(
  ctx: InvoiceContext,
  number: string,
  input: CreditNoteInput = {},
): Promise<InvoiceRecord> {
  return inInvoiceTransaction(ctx.store, async (db) => {
    const invoice = await requireInvoice(db, ctx.org.id, number);
    const record = creditNoteRecord(invoice, input, ctx.actor.userId, nowOf(ctx));
    await insertInvoice(db, ctx.org.id, record);
    return record;
  });
}

/** The credit note record (not stored) correcting `invoice`. */
export function creditNoteRecord(
  invoice: InvoiceRecord,
  input: CreditNoteInput,
  by: string,
  at: number,
): InvoiceRecord {
  if (invoice.state !== "issued" || invoice.kind === "credit_note" || !invoice.number) {
    refuse([
      {
        field: "id",
        reason: `${invoice.number ?? invoice.id} is not an issued invoice: a credit note corrects one`,
      },
    ]);
  }
  const lang = invoice.document?.lang ?? "fr";
  let lines: InvoiceLine[];
  if (input.amountMinor === undefined) {
    lines = invoice.lines;
  } else {
    if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0)
      refuse([{ field: "amount", reason: "must be more than 0" }]);
    const totals = computeTotals({ lines: invoice.lines, vatExemption: null });
    const main = [...totals.vatBreakdown].sort((a, b) => b.taxableMinor - a.taxableMinor)[0];
    const rate = invoice.document?.vatExemption ? 0 : (main?.rate ?? DEFAULT_VAT_RATE);
    lines = [
      {
        description:
          lang === "en"
            ? `Credit on invoice ${invoice.number}${input.reason ? `: ${input.reason}` : ""}`
            : `Avoir sur la facture ${invoice.number}${input.reason ? ` : ${input.reason}` : ""}`,
        quantity: 1,
        unitPriceMinor: depositBase(input.amountMinor, rate),
        vatRate: rate,
        nature: invoice.lines[0]?.nature ?? "services",
      },
    ];
  }
  return {
    id: newDraftId(),
    kind: "credit_note",
    state: "draft",
    customer: invoice.customer,
    lines,
    references: {
      correctedInvoice: {
        number: invoice.number as string,
        issueDate: invoice.issueDate ?? undefined,
      },
      ...(invoice.references.orders ? { orders: invoice.references.orders } : {}),
    },
    service: invoice.service,
    notes: [],
    reason: input.reason?.trim() || null,
    series: null,
    number: null,
    issueDate: null,
    dueDate: null,
    amountMinor: null,
    document: null,
    createdBy: by,
    createdAt: new Date(at).toISOString(),
    issuedBy: null,
    issuedAt: null,
  };
}
