/**
 * The owner ends a relationship, or resumes it (docs/relationships.md). Owner only
 * (`canPartWays`). A parting has a reason, the owner's explanation, evidence picked from the
 * customer's timeline, whether the door stays open (closed by default for abusive behaviour)
 * and the letter as it will be sent (the template's draft when none is given). Decisions are
 * appended, never edited: resuming is a new decision.
 */
import { AppError } from "../../domain/errors.ts";
import { canPartWays, type Role } from "../../domain/policies.ts";
import {
  defaultDoorOpen,
  type PartingReason,
  type RelationshipDecision,
  relationshipStatus,
} from "../../domain/relationship.ts";
import type { Store } from "../../store/database.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { insertDecision, listDecisions } from "../../store/relationship-repository.ts";
import { newId, nowOf } from "../intake/intake-support.ts";
import { customerForLetter, draftLetterFor } from "./draft-parting-letter.ts";

export interface DecisionContext {
  store: Store;
  org: Organization;
  actor: { userId: string; role: Role; name: string };
  now?: number;
}

export interface PartWaysInput {
  reason: PartingReason;
  explanation: string;
  evidence: string[];
  /** Default: open, except for abusive behaviour. */
  doorOpen?: boolean;
  /** The condition to come back ("once the balance is settled"); kept only when open. */
  condition?: string;
  /** The letter as edited by the owner; default: the template's draft. */
  letter?: string;
  lang?: "fr" | "en";
}

/** Now, or just after the last decision: decisions stay in the order they were taken. */
function nextInstant(ctx: DecisionContext, past: readonly RelationshipDecision[]): number {
  const last = past.at(-1)?.decidedAt ?? Number.NEGATIVE_INFINITY;
  return Math.max(nowOf(ctx), last + 1);
}

function requireOwner(ctx: DecisionContext): void {
  if (!canPartWays(ctx.actor.role))
    throw new AppError("FORBIDDEN", `role ${ctx.actor.role} may not decide to part ways`);
}

/**
 * Appends a decision, in one transaction with the check that the relationship is still in the
 * state the decision starts from (`open` to part ways, `ended` to resume).
 */
async function appendDecision(
  ctx: DecisionContext,
  customerId: string,
  from: "open" | "ended",
  fields: Omit<
    RelationshipDecision,
    "id" | "customer" | "decidedBy" | "decidedByName" | "decidedAt"
  >,
): Promise<RelationshipDecision> {
  return ctx.store.db.transaction().execute(async (trx) => {
    const past = await listDecisions(trx, ctx.org.id, customerId);
    const ended = relationshipStatus(past).status === "ended";
    if (from === "open" && ended)
      throw new AppError(
        "RELATIONSHIP_ENDED",
        `customer: the relationship with "${customerId}" is already ended`,
      );
    if (from === "ended" && !ended)
      throw new AppError(
        "RELATIONSHIP_NOT_ENDED",
        `customer: the relationship with "${customerId}" is not ended`,
      );
    const decision: RelationshipDecision = {
      id: newId("rd"),
      customer: customerId,
      ...fields,
      decidedBy: ctx.actor.userId,
      decidedByName: ctx.actor.name,
      decidedAt: nextInstant(ctx, past),
    };
    await insertDecision(trx, ctx.org.id, decision);
    return decision;
  });
}

export async function partWays(
  ctx: DecisionContext,
  customerId: string,
  input: PartWaysInput,
): Promise<RelationshipDecision> {
  requireOwner(ctx);
  const customer = await customerForLetter(ctx.store, ctx.org, customerId, input.lang);
  const known = new Set(customer.facts.map((f) => f.id));
  const evidence = [...new Set(input.evidence)];
  const unknown = evidence.find((id) => !known.has(id));
  if (unknown !== undefined)
    throw new AppError("BAD_INPUT", `evidence: no fact "${unknown}" on this customer's timeline`);
  if (evidence.length === 0 && input.reason !== "other")
    throw new AppError("BAD_INPUT", "evidence: pick at least one fact from the timeline");
  const doorOpen = input.doorOpen ?? defaultDoorOpen(input.reason);
  const condition = doorOpen && input.condition?.trim() ? input.condition.trim() : null;
  const letter =
    input.letter?.trim() ||
    (
      await draftLetterFor(ctx.store, ctx.org, customerId, ctx.actor.name, {
        reason: input.reason,
        explanation: input.explanation,
        doorOpen,
        condition,
        lang: customer.lang,
      })
    ).text;
  return appendDecision(ctx, customerId, "open", {
    kind: "part_ways",
    reason: input.reason,
    explanation: input.explanation.trim(),
    evidence,
    doorOpen,
    condition,
    letterLang: customer.lang,
    letterText: letter,
  });
}

/** Takes the customer back: a new decision, the parting stays on record. */
export async function resumeRelationship(
  ctx: DecisionContext,
  customerId: string,
  input: { explanation: string },
): Promise<RelationshipDecision> {
  requireOwner(ctx);
  await customerForLetter(ctx.store, ctx.org, customerId);
  return appendDecision(ctx, customerId, "ended", {
    kind: "resume",
    reason: null,
    explanation: input.explanation.trim(),
    evidence: [],
    doorOpen: true,
    condition: null,
    letterLang: null,
    letterText: null,
  });
}
