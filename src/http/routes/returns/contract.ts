/**
 * Returns (after-sales).
 * The API contract of these routes: one zod schema per input and output, and
 * the inferred types; the web app imports the types. Conventions in src/http/contract.ts.
 */
import { z } from "zod";
import { RETURN_KINDS } from "../../../domain/facts.ts";
import { iso } from "../../contract.ts";

export const returnBodySchema = z.object({
  order: z.string().trim().min(1).max(100),
  kind: z.enum(RETURN_KINDS),
  reason: z.string().trim().max(2000).optional(),
  goodwill: z.boolean().optional(),
});
export const returnFactSchema = z.object({
  id: z.string(),
  at: iso,
  order: z.string(),
  kind: z.string(),
  warrantyEnd: iso.nullable(),
  reason: z.string().nullable(),
});
export const returnResponseSchema = z.object({
  return: returnFactSchema,
  warrantyEnd: iso,
  withinWarranty: z.boolean(),
  daysLeft: z.number(),
  /** The customer's earlier returns, newest first. */
  earlier: z.array(returnFactSchema),
});
export const returnsQuerySchema = z.object({ customer: z.string().min(1).max(200) });
export const returnsResponseSchema = z.object({ items: z.array(returnFactSchema) });
