/**
 * Invoices, deposits and credit notes (issue 16). The API contract of these routes: one zod
 * schema per input and output, and the inferred types; the web app imports the types.
 * Money as decimal numbers in the charter currency (conventions in src/http/contract.ts).
 */
import { z } from "zod";
import { INVOICE_STATUSES } from "../../../domain/invoicing/invoice-record.ts";

/** A day `2026-12-07`; that it exists in the calendar is checked by the route (after its rule). */
const day = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2026-12-07");

export const invoiceLineSchema = z.object({
  description: z.string().trim().min(1).max(1000),
  /** Up to 3 decimals (1.5 hours). */
  quantity: z.number().positive().max(1_000_000),
  /** Excluding VAT. */
  unitPrice: z.number().min(0).max(1e10),
  /** Percent: 20, 10, 5.5, 2.1, 0. */
  vatRate: z.number().min(0).max(100),
  /** A line discount excluding VAT. */
  discount: z.number().min(0).max(1e10).optional(),
  nature: z.enum(["goods", "services"]).default("services"),
  order: z.string().max(200).optional(),
});
export type InvoiceLineInput = z.infer<typeof invoiceLineSchema>;

const serviceSchema = z
  .union([z.object({ date: day }), z.object({ period: z.object({ start: day, end: day }) })])
  .nullable();

export const createInvoiceBodySchema = z.object({
  kind: z.enum(["invoice", "deposit"]).default("invoice"),
  customer: z.string().min(1).max(200),
  /** Orders of the ledger: one line each, their deposits drawn down. */
  orders: z.array(z.string().min(1).max(200)).max(100).optional(),
  lines: z.array(invoiceLineSchema).max(500).optional(),
  service: serviceSchema.optional(),
  notes: z.array(z.string().max(1000)).max(20).optional(),
});
export type CreateInvoiceBody = z.infer<typeof createInvoiceBodySchema>;

export const updateInvoiceBodySchema = z.object({
  lines: z.array(invoiceLineSchema).max(500).optional(),
  service: serviceSchema.optional(),
  notes: z.array(z.string().max(1000)).max(20).optional(),
  reason: z.string().trim().max(1000).nullable().optional(),
});
export type UpdateInvoiceBody = z.infer<typeof updateInvoiceBodySchema>;

export const creditNoteBodySchema = z.object({
  /** Incl. VAT; absent: the whole invoice, line by line. */
  amount: z.number().positive().max(1e10).optional(),
  reason: z.string().trim().max(1000).optional(),
});
export type CreditNoteBody = z.infer<typeof creditNoteBodySchema>;

export const invoiceListQuerySchema = z.object({
  status: z.enum(INVOICE_STATUSES).optional(),
  customer: z.string().max(200).optional(),
  /** A day: statuses as of its end (default today). */
  asOf: day.optional(),
});
/** The period, inclusive; default the current month up to today. */
export const exportQuerySchema = z.object({ from: day.optional(), to: day.optional() });
export const invoiceParamsSchema = z.object({
  org: z.string().min(1).max(63),
  id: z.string().min(1).max(200),
});

const lineOut = z.object({
  description: z.string(),
  quantity: z.number(),
  unitPrice: z.number(),
  vatRate: z.number(),
  discount: z.number(),
  nature: z.enum(["goods", "services"]),
  order: z.string().nullable(),
  net: z.number(),
});

export const invoiceSchema = z.object({
  id: z.string(),
  kind: z.enum(["invoice", "deposit", "credit_note"]),
  status: z.enum(INVOICE_STATUSES),
  number: z.string().nullable(),
  customer: z.string(),
  customerName: z.string().nullable(),
  issueDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  currency: z.string(),
  lines: z.array(lineOut),
  vat: z.array(
    z.object({ category: z.string(), rate: z.number(), base: z.number(), vat: z.number() }),
  ),
  totalExclVat: z.number(),
  totalVat: z.number(),
  totalInclVat: z.number(),
  depositsDrawnDown: z.array(z.object({ number: z.string(), amount: z.number() })),
  amountDue: z.number(),
  orders: z.array(z.string()),
  corrects: z.string().nullable(),
  reason: z.string().nullable(),
  notes: z.array(z.string()),
  vatExemption: z.string().nullable(),
  paid: z.number().nullable(),
  credited: z.number().nullable(),
  balance: z.number().nullable(),
  /** The PDF (Factur-X) download, once issued. */
  pdfUrl: z.string().nullable(),
});
export type Invoice = z.infer<typeof invoiceSchema>;
export const invoiceResponseSchema = z.object({ invoice: invoiceSchema });
export const invoiceListResponseSchema = z.object({
  currency: z.string(),
  items: z.array(invoiceSchema),
});
export type InvoiceList = z.infer<typeof invoiceListResponseSchema>;

/** What any member sees while recording a payment: the balance and nothing else. */
export const balanceResponseSchema = z.object({
  number: z.string(),
  customerName: z.string().nullable(),
  currency: z.string(),
  amount: z.number(),
  paid: z.number(),
  credited: z.number(),
  balance: z.number(),
  dueDate: z.string().nullable(),
  status: z.enum(INVOICE_STATUSES),
});
export type InvoiceBalance = z.infer<typeof balanceResponseSchema>;

export const numberingBodySchema = z.object({
  invoiceSeries: z.string().trim().min(1).max(20),
  creditNoteSeries: z.string().trim().min(1).max(20),
});
export const numberingResponseSchema = z.object({
  settings: numberingBodySchema,
  counters: z.array(z.object({ series: z.string(), lastValue: z.number() })),
});
export type Numbering = z.infer<typeof numberingResponseSchema>;
