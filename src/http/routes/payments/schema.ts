import { z } from "zod";
import { errorSchema, orgParamsSchema } from "../../contract.ts";
import { customerParamsSchema } from "../customers/contract.ts";
import { errors } from "../dashboard/schema.ts";
import {
  archiveQuerySchema,
  archiveResponseSchema,
  closeBodySchema,
  closuresResponseSchema,
  customerBalanceResponseSchema,
  journalCheckSchema,
  journalQuerySchema,
  journalResponseSchema,
  recordPaymentBodySchema,
  recordPaymentResponseSchema,
} from "./contract.ts";

export const recordPaymentSchema = {
  summary:
    "Records a payment (any member) or a refund (managers, owners) against an invoice: a `payment` fact and an entry of the unalterable journal, in one transaction",
  tags: ["payments"],
  params: orgParamsSchema,
  body: recordPaymentBodySchema,
  response: { 201: recordPaymentResponseSchema, 409: errorSchema, ...errors },
};

export const customerBalanceSchema = {
  summary:
    "A customer's invoices and what is left to pay on each (staff: the open ones only), and the customer's balance",
  tags: ["payments"],
  params: customerParamsSchema,
  response: { 200: customerBalanceResponseSchema, ...errors },
};

export const journalSchema = {
  summary: "The payment journal, newest entries first, with the latest verification",
  tags: ["payments"],
  params: orgParamsSchema,
  querystring: journalQuerySchema,
  response: { 200: journalResponseSchema, ...errors },
};

export const closuresSchema = {
  summary: "The closures of days, months and years, newest first, with their totals by method",
  tags: ["payments"],
  params: orgParamsSchema,
  response: { 200: closuresResponseSchema, ...errors },
};

export const closeSchema = {
  summary:
    "Closes every complete day, month and year not closed yet (a database claim: never twice)",
  tags: ["payments"],
  params: orgParamsSchema,
  body: closeBodySchema.optional(),
  response: { 200: closuresResponseSchema, ...errors },
};

export const verifySchema = {
  summary: "Verifies the journal's and the closures' hash chains now, and keeps the result",
  tags: ["payments"],
  params: orgParamsSchema,
  response: { 200: z.object({ check: journalCheckSchema }), ...errors },
};

export const archiveSchema = {
  summary:
    "An archive of the journal between two days (entries and closures with their hashes), to keep and verify with `comptoir payments verify --file`",
  tags: ["payments"],
  params: orgParamsSchema,
  querystring: archiveQuerySchema,
  response: { 200: archiveResponseSchema, ...errors },
};
