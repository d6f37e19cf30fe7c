/**
 * One click from after-sales (issue 16): a resolved complaint whose remedy is a discount or a
 * refund becomes a credit note of its `remedy_amount` on the invoice of the complaint's order,
 * issued at once. The margin is not cut twice: the complaint's remedy already counts (spec
 * section 1); the credit note only lowers what the invoice leaves due.
 */
import { AppError } from "../../domain/errors.ts";
import type { InvoiceRecord } from "../../domain/invoicing/invoice-record.ts";
import { isoDay } from "../../domain/invoicing/invoice-record.ts";
import { getCharter } from "../../store/charter-repository.ts";
import { findComplaint } from "../../store/intake-complaint-repository.ts";
import { intakeDb } from "../../store/intake-schema.ts";
import { invoiceDb, listInvoices, settlementsOf } from "../../store/invoice-repository.ts";
import { creditNoteRecord } from "./draft-invoice.ts";
import {
  type InvoiceContext,
  inInvoiceTransaction,
  nowOf,
  orgLang,
  seriesFor,
} from "./invoice-support.ts";
import { issueInTransaction } from "./issue-invoice.ts";

export async function creditNoteForComplaint(
  ctx: InvoiceContext,
  complaintId: string,
): Promise<InvoiceRecord> {
  const at = nowOf(ctx);
  const charter = await getCharter(ctx.store, ctx.org.id);
  const complaint = await findComplaint(intakeDb(ctx.store.db), ctx.org.id, complaintId);
  if (!complaint)
    throw new AppError("NOT_FOUND", `id: no complaint "${complaintId}" in this organization`);
  if (
    complaint.resolvedAt === null ||
    (complaint.remedy !== "discount" && complaint.remedy !== "refund") ||
    !complaint.remedyAmount
  )
    throw new AppError(
      "BAD_INPUT",
      `id: complaint ${complaintId} gives no credit note: only a resolved complaint whose remedy is a discount or a refund with its amount does`,
    );
  if (!complaint.orderId)
    throw new AppError(
      "BAD_INPUT",
      `id: complaint ${complaintId} names no order, so there is no invoice to credit`,
    );
  const orderId = complaint.orderId;
  const invoices = (
    await listInvoices(invoiceDb(ctx.store.db), ctx.org.id, { state: "issued" })
  ).filter((r) => r.kind !== "credit_note" && (r.references.orders ?? []).includes(orderId));
  const invoice = invoices.find((r) => r.kind === "invoice") ?? invoices[0];
  if (!invoice?.number)
    throw new AppError(
      "BAD_INPUT",
      `id: no invoice issued for order ${orderId} of complaint ${complaintId} yet; invoice it first, then credit the remedy`,
    );
  const { credited } = await settlementsOf(ctx.store.db, ctx.org.id, invoice.number);
  const room = (invoice.amountMinor ?? 0) - (credited.get(invoice.number) ?? 0);
  const amount = Math.min(complaint.remedyAmount, room);
  if (amount <= 0)
    throw new AppError("BAD_INPUT", `amount: invoice ${invoice.number} has nothing left to credit`);
  const lang = invoice.document?.lang ?? orgLang(ctx.org);
  const reason =
    lang === "en"
      ? `complaint ${complaint.id}, ${complaint.remedy === "refund" ? "refund" : "discount"}`
      : `réclamation ${complaint.id}, ${complaint.remedy === "refund" ? "remboursement" : "remise"}`;
  const draft = creditNoteRecord(invoice, { amountMinor: amount, reason }, ctx.actor.userId, at);
  const creditSeries = await seriesFor(ctx.store.db, ctx.org.id, "credit_note", isoDay(at));
  return inInvoiceTransaction(ctx.store, (db, facts) =>
    issueInTransaction(db, facts, ctx.org, charter, draft, creditSeries, ctx.actor.userId, at, {
      insert: true,
    }),
  );
}
