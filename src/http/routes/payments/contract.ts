/**
 * Payments at the counter and the payment journal (docs/payments.md).
 * The API contract of these routes: one zod schema per input and output, and the inferred
 * types; the web app imports the types. Conventions in src/http/contract.ts (money as decimal
 * numbers in the charter's currency, instants as ISO strings).
 */
import { z } from "zod";
import { PAYMENT_METHODS } from "../../../domain/payments/payment-journal.ts";
import { iso } from "../../contract.ts";

export const paymentMethodSchema = z.enum(PAYMENT_METHODS);

export const recordPaymentBodySchema = z.object({
  /** The invoice's id (its number for an invoice issued in the app). */
  invoice: z.string().min(1).max(200),
  /** Above zero, in the charter's currency; a refund's amount is given positive too. */
  amount: z.number().finite().positive(),
  method: paymentMethodSchema,
  /** The payment's date: `2026-03-01` or a date-time with offset; default now. */
  at: z.string().max(40).optional(),
  /** `refund` gives money back (managers and owners). Default `payment`. */
  kind: z.enum(["payment", "refund"]).optional(),
});
export type RecordPaymentBody = z.infer<typeof recordPaymentBodySchema>;

export const invoiceBalanceSchema = z.object({
  id: z.string(),
  at: iso,
  due: iso,
  amount: z.number(),
  paid: z.number(),
  credited: z.number(),
  /** Amount - payments - credit notes (negative: the customer paid beyond what they owe). */
  balance: z.number(),
  paidInFullAt: iso.nullable(),
});
export type InvoiceBalanceView = z.infer<typeof invoiceBalanceSchema>;

export const journalEntrySchema = z.object({
  seq: z.number(),
  kind: z.enum(["payment", "refund"]),
  payment: z.string(),
  invoice: z.string(),
  customer: z.string(),
  amount: z.number(),
  method: paymentMethodSchema,
  paidAt: iso,
  recordedBy: z.object({ id: z.string(), name: z.string() }),
  recordedAt: iso,
  prevHash: z.string(),
  hash: z.string(),
});
export type JournalEntryView = z.infer<typeof journalEntrySchema>;

export const recordPaymentResponseSchema = z.object({
  entry: journalEntrySchema,
  invoice: invoiceBalanceSchema,
});
export type RecordPaymentResponse = z.infer<typeof recordPaymentResponseSchema>;

export const customerBalanceResponseSchema = z.object({
  customer: z.object({ id: z.string(), name: z.string() }),
  currency: z.string(),
  /** Null for staff: they see the invoices open for payment only. */
  balance: z.number().nullable(),
  invoices: z.array(invoiceBalanceSchema),
});
export type CustomerBalanceResponse = z.infer<typeof customerBalanceResponseSchema>;

export const chainProblemSchema = z.object({
  where: z.enum(["entry", "closure"]),
  seq: z.number(),
  kind: z.enum(["hash", "link", "gap", "totals", "fact"]),
  detail: z.string(),
});

export const journalCheckSchema = z.object({
  checkedAt: iso,
  ok: z.boolean(),
  entries: z.number(),
  closures: z.number(),
  problems: z.array(chainProblemSchema),
});
export type JournalCheckView = z.infer<typeof journalCheckSchema>;

export const journalQuerySchema = z.object({
  /** Entries before this number (the next page), newest first. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const journalResponseSchema = z.object({
  currency: z.string(),
  entries: z.array(journalEntrySchema),
  /** The latest verification (at server start or on demand); null before the first. */
  check: journalCheckSchema.nullable(),
});
export type JournalResponse = z.infer<typeof journalResponseSchema>;

export const closureSchema = z.object({
  seq: z.number(),
  kind: z.enum(["day", "month", "year"]),
  period: z.string(),
  entries: z.number(),
  total: z.number(),
  byMethod: z.object({
    cash: z.number(),
    card: z.number(),
    transfer: z.number(),
    cheque: z.number(),
  }),
  perpetualTotal: z.number(),
  closedAt: iso,
  hash: z.string(),
});
export type ClosureView = z.infer<typeof closureSchema>;

export const closuresResponseSchema = z.object({
  currency: z.string(),
  closures: z.array(closureSchema),
});
export type ClosuresResponse = z.infer<typeof closuresResponseSchema>;

export const closeBodySchema = z.object({
  /** Close the periods complete at this date (`2026-03-01` or a date-time); default now. */
  asOf: z.string().max(40).optional(),
});

export const archiveQuerySchema = z.object({
  from: z
    .string()
    .max(10)
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (2026-03-01)"),
  to: z
    .string()
    .max(10)
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (2026-03-01)"),
});

/** An archive file (src/app/payments/journal-archive.ts): amounts in minor units, as hashed. */
export const archiveResponseSchema = z.object({
  format: z.literal("comptoir-payment-archive/1"),
  organization: z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    timeZone: z.string(),
  }),
  from: z.string(),
  to: z.string(),
  generatedAt: iso,
  before: z.object({ seq: z.number(), hash: z.string() }),
  entries: z.array(
    z.object({
      seq: z.number(),
      kind: z.enum(["payment", "refund"]),
      factId: z.string(),
      invoice: z.string(),
      customer: z.string(),
      amount: z.number(),
      currency: z.string(),
      method: paymentMethodSchema,
      paidAt: iso,
      recordedBy: z.string(),
      recordedByName: z.string(),
      recordedAt: iso,
      prevHash: z.string(),
      hash: z.string(),
    }),
  ),
  closures: z.array(
    z.object({
      seq: z.number(),
      kind: z.enum(["day", "month", "year"]),
      period: z.string(),
      entries: z.number(),
      total: z.number(),
      byMethod: z.object({
        cash: z.number(),
        card: z.number(),
        transfer: z.number(),
        cheque: z.number(),
      }),
      perpetualTotal: z.number(),
      journalSeq: z.number(),
      journalHash: z.string(),
      closedAt: iso,
      prevHash: z.string(),
      hash: z.string(),
    }),
  ),
});
