/**
 * The JSON API's shared contract: what every route contract uses (errors, roles, segments,
 * policies, field helpers). Each route folder holds its own `contract.ts` beside its routes.
 * The server validates with these schemas (fastify-type-provider-zod) and the OpenAPI document
 * is generated from them; the web app imports the types. No Node imports here.
 *
 * Conventions: camelCase keys; money as decimal numbers in the charter currency (like the
 * CLI's JSON); instants as ISO 8601 UTC strings; errors `{error: {code, message, field?}}`.
 */
import { z } from "zod";
import { ROLES } from "../domain/policies.ts";
import { SEGMENTS } from "../domain/scorecard/segments.ts";

export const roleSchema = z.enum(ROLES);
export const segmentSchema = z.enum(SEGMENTS);

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** The input field at fault, for 400s (`price`, `body.email`...). */
    field: z.string().optional(),
  }),
});
export type ApiError = z.infer<typeof errorSchema>;

export const policiesSchema = z.object({
  seeTimeline: z.boolean(),
  recordFacts: z.boolean(),
  seeScorecards: z.boolean(),
  seePortfolio: z.boolean(),
  seeCharter: z.boolean(),
  editCharter: z.boolean(),
  importFacts: z.boolean(),
  exportLedger: z.boolean(),
  partWays: z.boolean(),
  seeMembers: z.boolean(),
  manageMembers: z.boolean(),
  confirmQuote: z.boolean(),
  editCatalogue: z.boolean(),
  seeCosts: z.boolean(),
  editCustomers: z.boolean(),
  mergeCustomers: z.boolean(),
  editIdentity: z.boolean(),
  seeThemes: z.boolean(),
  editCodebook: z.boolean(),
  issueInvoices: z.boolean(),
  editNumbering: z.boolean(),
  managePayments: z.boolean(),
  recordChanges: z.boolean(),
});
export type Can = z.infer<typeof policiesSchema>;

export const orgParamsSchema = z.object({ org: z.string().min(1).max(63) });
/** `asOf`: a date `2026-03-01` or a date-time; default now. */
export const asOfQuerySchema = z.object({ asOf: z.string().max(40).optional() });

/** Cookie-authenticated writes must carry this header (CSRF), besides a same-origin Origin. */
export const CSRF_HEADER = "x-comptoir-csrf";

/** Field helpers the route contracts share. */
export const money = z.number().finite().nonnegative();
export const text = (max = 2000) => z.string().trim().min(1).max(max);
/** A date `2026-03-01` or a date-time with offset. */
export const instant = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), "must be a date or date-time");
export const iso = z.string();

export const okSchema = z.object({ ok: z.boolean() });
