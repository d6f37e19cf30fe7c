/**
 * The charter: the business's values and limits, and the preview of a change.
 * The API contract of these routes: one zod schema per input and output, and
 * the inferred types; the web app imports the types. Conventions in src/http/contract.ts.
 */
import { z } from "zod";
import { HIGH_VALUE_BASES } from "../../../domain/charter.ts";
import { policiesSchema, segmentSchema } from "../../contract.ts";

export const charterSchema = z.object({
  currency: z.string(),
  hour_cost: z.number(),
  payment_terms_days: z.number(),
  max_discount_pct: z.number(),
  min_margin_pct: z.number(),
  max_revenue_share_pct: z.number(),
  included_revisions: z.number(),
  warranty_days: z.number(),
  first_response_hours: z.number(),
  zero_tolerance_severity: z.number(),
  window_months: z.number(),
  discount_rate_pct: z.number(),
  deposit_pct: z.number(),
  high_value_basis: z.enum(HIGH_VALUE_BASES),
});
/** A partial charter; keys keep the spec's names. Values are checked by the domain rules. */
export const charterPatchSchema = z.record(z.string(), z.unknown());
export type CharterPatch = Record<string, unknown>;
export const charterResponseSchema = z.object({
  charter: charterSchema,
  defaults: charterSchema,
  updatedAt: z.string().nullable(),
  can: policiesSchema,
});
export type CharterResponse = z.infer<typeof charterResponseSchema>;
export const charterPreviewResponseSchema = z.object({
  total: z.number(),
  changed: z.number(),
  /** Segment moves (from -> to) and how many customers make each. */
  moves: z.array(z.object({ from: segmentSchema, to: segmentSchema, count: z.number() })),
  /** The customers who would change segment, most revenue first (at most 100). */
  items: z.array(
    z.object({ id: z.string(), name: z.string(), from: segmentSchema, to: segmentSchema }),
  ),
});
export type CharterPreviewResponse = z.infer<typeof charterPreviewResponseSchema>;
