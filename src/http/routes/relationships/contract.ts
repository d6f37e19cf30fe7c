/**
 * Relationships: ended relationships, decisions, letters.
 * The API contract of these routes: one zod schema per input and output, and
 * the inferred types; the web app imports the types. Conventions in src/http/contract.ts.
 */
import { z } from "zod";
import { DECISION_KINDS, PARTING_REASONS } from "../../../domain/relationship.ts";
import { iso, orgParamsSchema, policiesSchema, segmentSchema, text } from "../../contract.ts";

export const partingReasonSchema = z.enum(PARTING_REASONS);
export const relationshipParamsSchema = orgParamsSchema.extend({
  id: z.string().min(1).max(200),
});
export const decisionParamsSchema = relationshipParamsSchema.extend({
  decision: z.string().min(1).max(200),
});
export const endedQuerySchema = z.object({ customer: z.string().max(200).optional() });
export const endedResponseSchema = z.object({
  ended: z.array(
    z.object({
      customer: z.string(),
      since: iso,
      doorOpen: z.boolean(),
      condition: z.string().nullable(),
    }),
  ),
});
export type EndedResponse = z.infer<typeof endedResponseSchema>;

export const decisionSchema = z.object({
  id: z.string(),
  customer: z.string(),
  kind: z.enum(DECISION_KINDS),
  reason: partingReasonSchema.nullable(),
  explanation: z.string(),
  evidence: z.array(z.string()),
  doorOpen: z.boolean(),
  condition: z.string().nullable(),
  letterLang: z.enum(["fr", "en"]).nullable(),
  letterText: z.string().nullable(),
  decidedBy: z.object({ id: z.string(), name: z.string() }),
  decidedAt: iso,
});
export type Decision = z.infer<typeof decisionSchema>;

export const relationshipResponseSchema = z.object({
  status: z.enum(["active", "ended"]),
  /** What the scorecard recommends: the segment, and for part_ways its evidence. */
  recommendation: z.object({
    segment: segmentSchema.nullable(),
    reason: partingReasonSchema.nullable(),
    signals: z.array(z.string()),
    evidence: z.array(z.string()),
  }),
  /** Every decision, oldest first. */
  decisions: z.array(decisionSchema),
  /** The language the letter is drafted in (the customer's, else the organization's). */
  lang: z.enum(["fr", "en"]),
  /** Suggested conditions to come back, per reason, in `lang`. */
  conditions: z.record(z.string(), z.string()),
  can: policiesSchema,
});
export type RelationshipResponse = z.infer<typeof relationshipResponseSchema>;

export const letterBodySchema = z.object({
  reason: partingReasonSchema,
  explanation: z.string().trim().max(4000).default(""),
  doorOpen: z.boolean(),
  condition: z.string().trim().max(500).optional(),
  lang: z.enum(["fr", "en"]).optional(),
});
export type LetterBody = z.input<typeof letterBodySchema>;
export const letterResponseSchema = z.object({ lang: z.enum(["fr", "en"]), text: z.string() });

export const partWaysBodySchema = z.object({
  reason: partingReasonSchema,
  explanation: text(4000),
  evidence: z.array(z.string().min(1).max(200)).max(200),
  /** Default: open, except for abusive behaviour. */
  doorOpen: z.boolean().optional(),
  condition: z.string().trim().max(500).optional(),
  /** The letter as edited; default the template's draft. */
  letter: z.string().trim().max(20000).optional(),
  lang: z.enum(["fr", "en"]).optional(),
});
export type PartWaysBody = z.infer<typeof partWaysBodySchema>;
export const resumeBodySchema = z.object({ explanation: text(4000) });
export const decisionResponseSchema = z.object({ decision: decisionSchema });
export type DecisionResponse = z.infer<typeof decisionResponseSchema>;
export const sendResponseSchema = z.object({
  to: z.string(),
  /** The outbox was delivered now (a mail transport is configured). */
  delivered: z.boolean(),
});
