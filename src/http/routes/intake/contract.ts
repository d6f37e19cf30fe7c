/**
 * Intake orders: quote, questions, disclosures, acknowledgement, activity.
 * The API contract of these routes: one zod schema per input and output, and
 * the inferred types; the web app imports the types. Conventions in src/http/contract.ts.
 */
import { z } from "zod";
import { FAULTS, REMEDIES, TIME_ACTIVITIES } from "../../../domain/facts.ts";
import { ADVICE_KINDS } from "../../../domain/intake/intake-order.ts";
import { ADVANCE_TARGETS, ORDER_STATUSES } from "../../../domain/intake/order-status.ts";
import { instant, iso, money, orgParamsSchema, text } from "../../contract.ts";

export const orderStatusSchema = z.enum(ORDER_STATUSES);
const observationsSchema = z.object({
  material: z.string().max(500).optional(),
  condition: z.string().max(2000).optional(),
  notes: z.string().max(4000).optional(),
});
const adviceSchema = z.object({
  kind: z.enum(ADVICE_KINDS),
  text: z.string().max(2000).optional(),
});
export const quoteBodySchema = z.object({
  listPrice: money.optional(),
  price: money,
  /** Materials (managers and owners). */
  cost: money.optional(),
  /** A manager confirms a quote beyond the charter's limits. */
  managerConfirmed: z.boolean().optional(),
});
export const createIntakeBodySchema = z.object({
  customer: z.union([
    z.object({ id: z.string().trim().min(1).max(200) }),
    z.object({
      new: z.object({
        id: z.string().trim().min(1).max(200).optional(),
        name: text(200),
        email: z.email().max(254).optional(),
        phone: z.string().max(50).optional(),
        kind: z.enum(["person", "business"]).optional(),
        lang: z.string().max(10).optional(),
      }),
    }),
  ]),
  serviceId: z.string().max(100).optional(),
  service: z.string().max(100).optional(),
  item: text(500),
  observations: observationsSchema.optional(),
  risks: z
    .array(z.object({ code: z.string().trim().min(1).max(60).optional(), text: text(500) }))
    .max(50)
    .optional(),
  questions: z.array(text(1000)).max(50).optional(),
  advice: adviceSchema.optional(),
  quote: quoteBodySchema.optional(),
  deposit: money.optional(),
  due: instant.optional(),
  includedRevisions: z.number().int().min(0).max(1000).optional(),
  warrantyDays: z.number().int().min(0).max(36_500).optional(),
});
export const patchIntakeBodySchema = z.object({
  item: text(500).optional(),
  observations: observationsSchema.optional(),
  advice: adviceSchema.nullable().optional(),
  deposit: money.optional(),
  due: instant.nullable().optional(),
  includedRevisions: z.number().int().min(0).max(1000).optional(),
  warrantyDays: z.number().int().min(0).max(36_500).optional(),
  quote: quoteBodySchema.optional(),
});
export const intakeParamsSchema = orgParamsSchema.extend({ id: z.string().min(1).max(100) });
export const questionParamsSchema = intakeParamsSchema.extend({
  questionId: z.string().min(1).max(100),
});
export const disclosureParamsSchema = intakeParamsSchema.extend({
  disclosureId: z.string().min(1).max(100),
});
export const photoParamsSchema = intakeParamsSchema.extend({ photoId: z.string().min(1).max(100) });
export const intakeListQuerySchema = z.object({
  status: orderStatusSchema.optional(),
  customer: z.string().max(200).optional(),
});
export const questionBodySchema = z.object({ text: text(1000) });
export const answerBodySchema = z.object({ answer: text(4000) });
export const disclosureBodySchema = z.object({
  code: z.string().trim().min(1).max(60).optional(),
  text: text(500),
});
export const acknowledgeBodySchema = z.object({
  name: z.string().trim().max(200).optional(),
  signature: z
    .string()
    .max(500_000)
    .regex(/^data:image\/(png|svg\+xml);base64,/, "a data URL of a PNG or SVG image")
    .optional(),
});
export const ackLinkBodySchema = z.object({
  email: z.email().max(254).optional(),
  lang: z.enum(["fr", "en"]).optional(),
});
export const ackLinkResponseSchema = z.object({
  link: z.string(),
  expiresAt: iso,
  email: z.string().nullable(),
});
export const advanceBodySchema = z.object({ to: z.enum(ADVANCE_TARGETS) });
export const declineBodySchema = z.object({ reason: text(2000) });
export const activityBodySchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("time"),
    minutes: z.number().int().min(1).max(100_000),
    activity: z.enum(TIME_ACTIVITIES),
  }),
  z.object({ kind: z.literal("revision"), text: z.string().max(4000).optional() }),
  z.object({ kind: z.literal("chase"), text: z.string().max(4000).optional() }),
]);
export const activityResponseSchema = z.object({ type: z.string(), id: z.string(), at: iso });
export const photoBodySchema = z.object({
  contentType: z.string().max(50),
  // 1.5 MB in base64 is 2,000,000 characters; the app checks the decoded size exactly.
  data: z.string().max(2_100_000, "the photo is above the limit of 1.5 MB (1500000 bytes)"),
});
export const photoSchema = z.object({
  id: z.string(),
  contentType: z.string(),
  size: z.number(),
  createdAt: iso,
});

export const questionSchema = z.object({
  id: z.string(),
  text: z.string(),
  askedAt: iso,
  answer: z.string().nullable(),
  answeredAt: iso.nullable(),
  answeredVia: z.string().nullable(),
  reviewedAt: iso.nullable(),
});
export const disclosureSchema = z.object({
  id: z.string(),
  code: z.string(),
  text: z.string(),
  acknowledgedAt: iso.nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedVia: z.string().nullable(),
  /** The signature drawn at the counter (PNG or SVG data URL), null when the name was typed. */
  signature: z.string().nullable(),
});
export const intakeOrderSchema = z.object({
  id: z.string(),
  customer: z.string(),
  status: orderStatusSchema,
  serviceId: z.string().nullable(),
  service: z.string().nullable(),
  item: z.string(),
  observations: observationsSchema,
  advice: adviceSchema.nullable(),
  listPrice: z.number().nullable(),
  price: z.number().nullable(),
  /** Managers and owners only. */
  cost: z.number().optional(),
  deposit: z.number(),
  due: iso.nullable(),
  includedRevisions: z.number(),
  warrantyDays: z.number(),
  quoteConfirmed: z.boolean(),
  redoOf: z.string().nullable(),
  declineReason: z.string().nullable(),
  createdAt: iso,
  acceptedAt: iso.nullable(),
  deliveredAt: iso.nullable(),
  closedAt: iso.nullable(),
  declinedAt: iso.nullable(),
  /** Delivery plus the warranty days, once delivered. */
  warrantyEnd: iso.nullable(),
});
export const quoteCheckSchema = z.object({
  discountPct: z.number(),
  /** Managers and owners only. */
  marginPct: z.number().nullable().optional(),
  beyondDiscount: z.boolean(),
  belowMargin: z.boolean().optional(),
  needsManager: z.boolean(),
});
export const blockerSchema = z.object({ code: z.string(), ref: z.string().optional() });
export const intakeActionsSchema = z.object({
  accept: z.boolean(),
  decline: z.boolean(),
  advance: z.array(z.string()),
  edit: z.boolean(),
  confirmQuote: z.boolean(),
  seeCosts: z.boolean(),
});
export const customerWarningSchema = z.object({
  level: z.enum(["part_ways", "signals", "none"]),
  /** Managers and owners only. */
  segment: z.string().nullable().optional(),
  signals: z.array(z.string()).optional(),
  message: z.string(),
  /** A customer in `renegotiate`: the deposit intake suggests (charter `deposit_pct`), and why. */
  deposit: z.object({ pct: z.number(), reason: z.string() }).optional(),
});
export const complaintSchema = z.object({
  id: z.string(),
  customer: z.string(),
  orderId: z.string().nullable(),
  text: z.string(),
  openedAt: iso,
  firstResponseAt: iso.nullable(),
  firstResponseText: z.string().nullable(),
  resolvedAt: iso.nullable(),
  fault: z.enum(FAULTS).nullable(),
  faultReason: z.string().nullable(),
  disclosureCode: z.string().nullable(),
  remedy: z.enum(REMEDIES).nullable(),
  /** Managers and owners only. */
  remedyAmount: z.number().nullable().optional(),
  explanation: z.string().nullable(),
  redoOrderId: z.string().nullable(),
  /** Due time of the first response (charter's first_response_hours, organization's clock). */
  firstResponseDue: iso,
  firstResponseOverdue: z.boolean(),
});
export const intakeDetailSchema = z.object({
  order: intakeOrderSchema,
  customerName: z.string().nullable(),
  questions: z.array(questionSchema),
  disclosures: z.array(disclosureSchema),
  photos: z.array(photoSchema),
  complaints: z.array(complaintSchema),
  blockers: z.array(blockerSchema),
  quoteCheck: quoteCheckSchema.nullable(),
  currency: z.string(),
  can: intakeActionsSchema,
  customerWarning: customerWarningSchema,
});
export const intakeListResponseSchema = z.object({
  currency: z.string(),
  items: z.array(intakeOrderSchema),
});
export const warningQuerySchema = z.object({ customer: z.string().min(1).max(200) });
