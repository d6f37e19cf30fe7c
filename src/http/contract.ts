/**
 * The JSON API's contract: one zod schema per route input and output, and the inferred types.
 * The server validates with these schemas (fastify-type-provider-zod) and the OpenAPI document
 * is generated from them; the web app imports the types. No Node imports here.
 *
 * Conventions: camelCase keys; money as decimal numbers in the charter currency (like the
 * CLI's JSON); instants as ISO 8601 UTC strings; errors `{error: {code, message, field?}}`.
 */
import { z } from "zod";
import { HIGH_VALUE_BASES } from "../domain/charter.ts";
import { ROLES } from "../domain/policies.ts";
import { customerValueSchema, valueScatterSchema } from "./contract-value.ts";

export const SEGMENTS = ["part_ways", "renegotiate", "watch", "partner", "steady"] as const;
export const roleSchema = z.enum(ROLES);
export const segmentSchema = z.enum(SEGMENTS);

// ---------- shared ----------
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
  partWays: z.boolean(),
  seeMembers: z.boolean(),
  manageMembers: z.boolean(),
  confirmQuote: z.boolean(),
  editCatalogue: z.boolean(),
  seeCosts: z.boolean(),
});
export type Can = z.infer<typeof policiesSchema>;

export const orgParamsSchema = z.object({ org: z.string().min(1).max(63) });
/** `asOf`: a date `2026-03-01` or a date-time; default now. */
export const asOfQuerySchema = z.object({ asOf: z.string().optional() });

// ---------- session ----------
export const userSchema = z.object({ id: z.string(), email: z.string(), name: z.string() });
export const membershipSchema = z.object({
  slug: z.string(),
  name: z.string(),
  lang: z.string(),
  timeZone: z.string(),
  role: roleSchema,
  can: policiesSchema,
});
export const sessionResponseSchema = z.object({
  user: userSchema.nullable(),
  organizations: z.array(membershipSchema),
  /** Only in demo mode: the demo owner's credentials, shown on the sign-in page. */
  demo: z.object({ email: z.string(), password: z.string() }).nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
export type Membership = z.infer<typeof membershipSchema>;

// ---------- dashboard ----------
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

// ---------- customers ----------
export const CUSTOMER_SORTS = [
  "name",
  "id",
  "segment",
  "revenue",
  "margin",
  "orders",
  "outstanding",
  "outstanding_total",
] as const;
export const customersQuerySchema = z.object({
  q: z.string().max(200).optional(),
  /** A segment, or `prospect` for customers without one. */
  segment: z.enum([...SEGMENTS, "prospect"]).optional(),
  signal: z.string().max(40).optional(),
  sort: z.enum(CUSTOMER_SORTS).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  asOf: z.string().optional(),
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
export const timelineEntrySchema = z.object({
  id: z.string(),
  type: z.string(),
  at: z.string(),
  /** The fact's other fields as imported (money as decimal numbers); `cost` hidden from staff. */
  fields: z.record(z.string(), z.unknown()),
});
export const customerResponseSchema = z.object({
  customer: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    status: z.string(),
    lang: z.string().nullable(),
    since: z.string(),
  }),
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
  /** Every fact of this customer up to `asOf`, oldest first. */
  timeline: z.array(timelineEntrySchema),
  can: policiesSchema,
});
export type CustomerResponse = z.infer<typeof customerResponseSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

// ---------- charter ----------
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

// ---------- imports ----------
/** POST multipart/form-data, one or more `file` parts (.jsonl or .csv); `?allowPartial=true`. */
export const importQuerySchema = z.object({
  allowPartial: z.enum(["true", "false"]).optional(),
});
export const importParamsSchema = orgParamsSchema.extend({ id: z.string().min(1).max(64) });
export const importJobSchema = z.object({
  id: z.string(),
  status: z.enum(["running", "done", "rejected", "failed"]),
  /** Bytes read so far and total bytes of the uploaded files. */
  progress: z.object({ done: z.number(), total: z.number() }),
  /** When finished: added/unchanged per fact type. */
  counts: z.record(z.string(), z.object({ added: z.number(), unchanged: z.number() })),
  /** When rejected (or partial): the bad lines, at most the first 100. */
  errors: z.array(
    z.object({
      file: z.string().optional(),
      line: z.number(),
      field: z.string(),
      reason: z.string(),
    }),
  ),
  errorCount: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

// ---------- members and invitations ----------
export const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  joinedAt: z.string(),
});
export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  status: z.enum(["pending", "accepted", "revoked"]),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export const membersResponseSchema = z.object({
  items: z.array(memberSchema),
  invitations: z.array(invitationSchema),
  can: policiesSchema,
});
export type Member = z.infer<typeof memberSchema>;
export type Invitation = z.infer<typeof invitationSchema>;
export type MembersResponse = z.infer<typeof membersResponseSchema>;
export const inviteBodySchema = z.object({ email: z.email().max(254), role: roleSchema });
export type InviteBody = z.infer<typeof inviteBodySchema>;
export const memberParamsSchema = orgParamsSchema.extend({ userId: z.string().min(1).max(100) });
export const invitationParamsSchema = orgParamsSchema.extend({ id: z.string().min(1).max(100) });
export const changeRoleBodySchema = z.object({ role: roleSchema });
/** POST /api/invitations/:token/accept (signed in with the invited email). */
export const acceptInvitationParamsSchema = z.object({ token: z.string().min(10).max(200) });
export const acceptInvitationResponseSchema = z.object({ org: z.string(), role: roleSchema });
/** POST /api/orgs/:org/invitations: `link` only when no mail server is configured (shown once). */
export const invitationCreatedSchema = invitationSchema.extend({
  link: z.string().nullable(),
  mailed: z.boolean(),
});
export type InvitationCreated = z.infer<typeof invitationCreatedSchema>;
/** GET /api/invitations/:token, anonymous: what the invitation page shows. */
export const invitationPreviewSchema = z.object({
  email: z.string(),
  role: roleSchema,
  organization: z.object({ slug: z.string(), name: z.string() }),
  state: z.enum(["pending", "accepted", "revoked", "expired"]),
  expiresAt: z.string(),
  /** The invited address has an account: sign in; otherwise sign up. */
  accountExists: z.boolean(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

// ---------- API tokens ----------
export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters, to recognise it (`cpt_ab12…`). */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export const tokensResponseSchema = z.object({ items: z.array(tokenSchema) });
export const createTokenBodySchema = z.object({ name: z.string().trim().min(1).max(100) });
/** The secret is shown once, in this response only. */
export const createTokenResponseSchema = tokenSchema.extend({ token: z.string() });
export const tokenParamsSchema = z.object({ id: z.string().min(1).max(100) });
export type ApiToken = z.infer<typeof tokenSchema>;
export type CreatedApiToken = z.infer<typeof createTokenResponseSchema>;

/** Cookie-authenticated writes must carry this header (CSRF), besides a same-origin Origin. */
export const CSRF_HEADER = "x-comptoir-csrf";
