/**
 * Customers: the list, one customer's detail and timeline.
 * The API contract of these routes: one zod schema per input and output, and
 * the inferred types; the web app imports the types. Conventions in src/http/contract.ts.
 */
import { z } from "zod";
import { SEGMENTS } from "../../../domain/scorecard/segments.ts";
import { orgParamsSchema, policiesSchema, segmentSchema } from "../../contract.ts";
import { signalSchema } from "../dashboard/contract.ts";
import { customerRecordSchema } from "./contract-records.ts";
import { CUSTOMER_SORTS } from "./contract-sorts.ts";
import { customerValueSchema } from "./contract-value.ts";

export const customersQuerySchema = z.object({
  q: z.string().max(200).optional(),
  /** A segment, or `prospect` for customers without one. */
  segment: z.enum([...SEGMENTS, "prospect"]).optional(),
  signal: z.string().max(40).optional(),
  sort: z.enum(CUSTOMER_SORTS).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  asOf: z.string().max(40).optional(),
  /** Archived customers are left out unless `only` (just them) or `include`. */
  archived: z.enum(["only", "include"]).optional(),
});
export type CustomersQuery = z.input<typeof customersQuerySchema>;
export const customerRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** null for prospects, and for roles that may not see scorecards (with `signals` empty). */
  segment: segmentSchema.nullable(),
  signals: z.array(z.string()),
  /** null for roles that may not see scorecards. */
  revenue: z.number().nullable(),
  margin: z.number().nullable(),
  orders: z.number(),
  /** Balance of the invoices issued in the window; null for roles that may not see money. */
  outstanding: z.number().nullable(),
  /** Balance of every invoice up to the as-of date: what the customer owes. */
  outstanding_total: z.number().nullable(),
  archived: z.boolean(),
});
export const customersResponseSchema = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  currency: z.string(),
  items: z.array(customerRowSchema),
  can: policiesSchema,
});
export type CustomerRow = z.infer<typeof customerRowSchema>;
export type CustomersResponse = z.infer<typeof customersResponseSchema>;

export const customerParamsSchema = orgParamsSchema.extend({ id: z.string().min(1).max(200) });
/** The timeline comes a page at a time, newest page first (a customer may have 100,000 facts). */
export const TIMELINE_PAGE_SIZE = 100;
export const customerQuerySchema = z.object({
  asOf: z.string().max(40).optional(),
  lang: z.enum(["fr", "en"]).optional(),
  /** The timeline's page, from 1 (the most recent facts). */
  timelinePage: z.coerce.number().int().min(1).max(1_000_000).default(1),
  timelinePageSize: z.coerce.number().int().min(1).max(500).default(TIMELINE_PAGE_SIZE),
  /** A fact's id: the timeline's page is the one that holds it (evidence links). */
  fact: z.string().min(1).max(200).optional(),
});
export type CustomerQuery = z.input<typeof customerQuerySchema>;
export const timelineEntrySchema = z.object({
  id: z.string(),
  type: z.string(),
  at: z.string(),
  /** The fact's other fields as imported (money as decimal numbers); `cost` hidden from staff. */
  fields: z.record(z.string(), z.unknown()),
  /** For a correction of a customer record: what it changed (shown in words). */
  change: z
    .object({
      action: z.enum(["edit", "archive", "unarchive", "merge", "unmerge"]),
      fields: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
      /** The customer merged into (merge) or out of (unmerge), and its name. */
      customer: z.string().optional(),
      name: z.string().optional(),
      /** The record corrected, when it is one merged into the customer shown. */
      of: z.object({ id: z.string(), name: z.string() }).optional(),
    })
    .optional(),
});
export const customerResponseSchema = z.object({
  customer: customerRecordSchema,
  /** The id asked for, when it is that of a customer merged into this one; else null. */
  resolvedFrom: z.string().nullable(),
  /** The customers merged into this one (each can be unmerged). */
  merged: z.array(z.object({ id: z.string(), name: z.string() })),
  currency: z.string(),
  /** null when the role may not see scorecards. */
  scorecard: z
    .object({
      segment: segmentSchema.nullable(),
      signals: z.array(signalSchema.extend({ label: z.string() })),
    })
    .nullable(),
  money: z
    .object({
      revenue: z.number(),
      margin: z.number(),
      orders: z.number(),
      /** Balance of the invoices issued in the window (spec section 5). */
      outstanding: z.number(),
      /** Balance of every invoice up to the as-of date: what the customer owes. */
      outstanding_total: z.number(),
    })
    .nullable(),
  /** Expected value over a year (docs/clv.md); null when the role may not see money. */
  value: customerValueSchema.nullable(),
  /** One page of the customer's facts up to `asOf`, oldest first within the page. */
  timeline: z.array(timelineEntrySchema),
  /** Which page: 1 holds the most recent facts; `total` counts them all. */
  timelinePage: z.object({ page: z.number(), pageSize: z.number(), total: z.number() }),
  can: policiesSchema,
});
export type CustomerResponse = z.infer<typeof customerResponseSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
