/**
 * The dashboard: the portfolio's figures, the whale curve and who needs attention.
 * The API contract of these routes: one zod schema per input and output, and
 * the inferred types; the web app imports the types. Conventions in src/http/contract.ts.
 */
import { z } from "zod";
import { policiesSchema, segmentSchema } from "../../contract.ts";
import { valueScatterSchema } from "../customers/contract-value.ts";

export const signalSchema = z.object({
  code: z.string(),
  /** Fact ids on the customer's timeline. */
  evidence: z.array(z.string()),
  message: z.string(),
});
export const dashboardResponseSchema = z.object({
  asOf: z.string(),
  currency: z.string(),
  customers: z.number(),
  prospects: z.number(),
  revenue: z.number(),
  margin: z.number(),
  marginPct: z.number().nullable(),
  topSharePct: z.number(),
  /** The charter's `max_revenue_share_pct`. */
  maxRevenueSharePct: z.number(),
  topCustomer: z.object({ id: z.string(), name: z.string() }).nullable(),
  segments: z.record(segmentSchema, z.number()),
  whaleCurve: z.array(z.object({ customersPct: z.number(), profitPct: z.number() })),
  /** Customers in part_ways or renegotiate: new there (within 30 days) first, then most revenue (at most 20). */
  needsAttention: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      segment: segmentSchema,
      /** Not in this segment 30 days earlier. */
      isNew: z.boolean(),
      /** The segment 30 days earlier (null: not a customer yet, or a prospect). */
      previousSegment: segmentSchema.nullable(),
      signals: z.array(signalSchema),
      revenue: z.number(),
    }),
  ),
  /** Value vs. cost to serve, one point per customer (docs/clv.md). */
  value: valueScatterSchema,
  can: policiesSchema,
});
export type DashboardResponse = z.infer<typeof dashboardResponseSchema>;
