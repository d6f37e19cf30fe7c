/**
 * The catalogue of services (intake).
 * The API contract of these routes: one zod schema per input and output, and
 * the inferred types; the web app imports the types. Conventions in src/http/contract.ts.
 */
import { z } from "zod";
import { money, orgParamsSchema, text } from "../../contract.ts";

export const riskSchema = z.object({ code: z.string().trim().min(1).max(60), text: text(500) });
const serviceFields = {
  code: z
    .string()
    .trim()
    .max(60)
    .regex(/^[a-z0-9_-]{1,60}$/, "lower-case letters, digits, _ and -"),
  lang: z.enum(["fr", "en"]),
  name: text(200),
  description: z.string().max(2000).optional(),
  price: money,
  cost: money,
  minutes: z.number().int().min(0).max(100_000),
  includedRevisions: z.number().int().min(0).max(1000),
  warrantyDays: z.number().int().min(0).max(36_500),
  risks: z.array(riskSchema).max(50),
  active: z.boolean(),
};
export const serviceBodySchema = z.object({
  ...serviceFields,
  cost: serviceFields.cost.default(0),
  minutes: serviceFields.minutes.default(0),
  includedRevisions: serviceFields.includedRevisions.default(0),
  risks: serviceFields.risks.default([]),
  active: serviceFields.active.default(true),
});
/** Only the keys sent change (no defaults here). */
export const servicePatchSchema = z.object(serviceFields).partial();
export const serviceSchema = z.object({
  id: z.string(),
  code: z.string(),
  lang: z.string(),
  name: z.string(),
  description: z.string().optional(),
  price: z.number(),
  /** Managers and owners only. */
  cost: z.number().optional(),
  minutes: z.number(),
  includedRevisions: z.number(),
  warrantyDays: z.number(),
  risks: z.array(riskSchema),
  active: z.boolean(),
});
export const catalogueQuerySchema = z.object({
  lang: z.enum(["fr", "en"]).optional(),
  all: z.enum(["true", "false"]).optional(),
});
export const catalogueResponseSchema = z.object({
  currency: z.string(),
  items: z.array(serviceSchema),
  canEdit: z.boolean(),
});
export const serviceParamsSchema = orgParamsSchema.extend({ id: z.string().min(1).max(100) });
