/**
 * Complaints (after-sales).
 * The API contract of these routes: one zod schema per input and output, and
 * the inferred types; the web app imports the types. Conventions in src/http/contract.ts.
 */
import { z } from "zod";
import { FAULTS, REMEDIES } from "../../../domain/facts.ts";
import { instant, iso, money, orgParamsSchema, text } from "../../contract.ts";
import { complaintSchema } from "../intake/contract.ts";

export const complaintsQuerySchema = z.object({
  open: z.enum(["true", "false"]).optional(),
  order: z.string().max(100).optional(),
  customer: z.string().max(200).optional(),
});
export const openComplaintBodySchema = z.object({
  order: z.string().trim().min(1).max(100).optional(),
  customer: z.string().trim().min(1).max(200).optional(),
  text: text(4000),
});
export const complaintParamsSchema = orgParamsSchema.extend({ id: z.string().min(1).max(100) });
export const respondBodySchema = z.object({ text: text(4000) });
export const resolveBodySchema = z.object({
  fault: z.enum(FAULTS),
  faultReason: z.string().trim().max(2000).optional(),
  remedy: z.enum(REMEDIES),
  remedyAmount: money.optional(),
  explanation: z.string().trim().max(4000).optional(),
  disclosureCode: z.string().max(60).optional(),
  redoDue: instant.optional(),
});
export const complaintDisclosureSchema = z.object({
  code: z.string(),
  text: z.string(),
  acknowledgedAt: iso.nullable(),
});
export const complaintResponseSchema = z.object({
  complaint: complaintSchema,
  /** What the customer was told about the order (and when they acknowledged it). */
  disclosures: z.array(complaintDisclosureSchema),
  currency: z.string(),
});
export const complaintsResponseSchema = z.object({
  items: z.array(complaintSchema),
  currency: z.string(),
});
