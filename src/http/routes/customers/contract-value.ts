/**
 * The customer-value part of the API contract (docs/clv.md): the `value` of a customer's
 * detail and the dashboard's "value vs. cost to serve" scatter. Money as decimal numbers in
 * the charter currency, like the rest of the API. Imported by contract.ts; no Node imports.
 */
import { z } from "zod";
import { SEGMENTS } from "../../../domain/scorecard/segments.ts";

export const SPEND_MODELS = ["gamma-gamma", "observed-mean"] as const;

/**
 * One customer's expected value over `horizonWeeks`, or why there is none (`status:
 * "unavailable"`, every number null, `reason` a stable code). `sentence` explains either in
 * the request's language.
 */
export const customerValueSchema = z.object({
  status: z.enum(["estimated", "unavailable"]),
  horizonWeeks: z.number(),
  /** Probability that the customer is still a customer (BG/NBD), 0..1. */
  pAlive: z.number().nullable(),
  /** Expected orders over the horizon. */
  expectedOrders: z.number().nullable(),
  /** Expected spend per order (Gamma-Gamma, or the observed-mean fallback). */
  spendPerOrder: z.number().nullable(),
  /** Expected orders × spend per order, not discounted. */
  expectedSpend: z.number().nullable(),
  /** Customer lifetime value over the horizon: the expected spend, discounted monthly. */
  clv: z.number().nullable(),
  /** What serving those orders is expected to cost (minutes and remedies per order so far). */
  costToServe: z.number().nullable(),
  /** clv × margin rate − cost to serve. */
  netValue: z.number().nullable(),
  spendModel: z.enum(SPEND_MODELS).nullable(),
  /** Why there is no estimate (`no_orders`, `prospect`, `no_repeat_customers`...), else null. */
  reason: z.string().nullable(),
  sentence: z.string(),
});
export type CustomerValue = z.infer<typeof customerValueSchema>;

/** The dashboard scatter: one point per customer with an estimate. */
export const valueScatterSchema = z.object({
  status: z.enum(["estimated", "unavailable"]),
  horizonWeeks: z.number(),
  spendModel: z.enum(SPEND_MODELS).nullable(),
  reason: z.string().nullable(),
  /** Why there is no scatter, or how to read it, in the request's language. */
  sentence: z.string(),
  /** Customers that have a point; `points` holds at most 1,000 of them, spread over the values. */
  total: z.number(),
  points: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      segment: z.enum(SEGMENTS),
      /** x: expected cost to serve over the horizon. */
      costToServe: z.number(),
      clv: z.number(),
      /** y: net value (clv × margin − cost to serve). */
      netValue: z.number(),
      pAlive: z.number(),
    }),
  ),
});
export type ValueScatter = z.infer<typeof valueScatterSchema>;
