/**
 * Where a relationship with a customer stands, from the owner's decisions (docs/relationships.md).
 * The `part_ways` segment is only a recommendation; a decision is the owner's, with a reason,
 * its evidence and a letter. Decisions are appended: resuming is a new decision, never a
 * deletion, so the history stays whole.
 */

export const PARTING_REASONS = [
  "abusive",
  "unpaid",
  "warranty_gaming",
  "disagreement",
  "other",
] as const;
export type PartingReason = (typeof PARTING_REASONS)[number];

export const DECISION_KINDS = ["part_ways", "resume"] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export interface RelationshipDecision {
  id: string;
  customer: string;
  kind: DecisionKind;
  /** Why the relationship ends (null for a resumption). */
  reason: PartingReason | null;
  /** The owner's own words (why, or why it resumes). */
  explanation: string;
  /** Fact ids from the customer's timeline. */
  evidence: string[];
  /** The customer is welcome back (on `condition`, when there is one). */
  doorOpen: boolean;
  condition: string | null;
  letterLang: "fr" | "en" | null;
  letterText: string | null;
  decidedBy: string;
  decidedByName: string;
  /** Epoch ms. */
  decidedAt: number;
}

export interface RelationshipStatus {
  status: "active" | "ended";
  /** The decision that ended it, while it is ended. */
  ended: RelationshipDecision | null;
}

/** Zero tolerance: abusive behaviour closes the door by default; other reasons leave it open. */
export const defaultDoorOpen = (reason: PartingReason): boolean => reason !== "abusive";

/** The signals whose evidence backs each reason (prefilled evidence). */
export const REASON_SIGNALS: Record<PartingReason, readonly string[]> = {
  abusive: ["abusive"],
  unpaid: ["unpaid"],
  warranty_gaming: ["warranty_gaming"],
  disagreement: ["unfounded_complaints"],
  other: [],
};

/**
 * @example relationshipStatus([]).status // "active"
 * @example relationshipStatus([partWays]).status // "ended"
 */
export function relationshipStatus(decisions: readonly RelationshipDecision[]): RelationshipStatus {
  const last = [...decisions].sort((a, b) => a.decidedAt - b.decidedAt).at(-1);
  return last?.kind === "part_ways"
    ? { status: "ended", ended: last }
    : { status: "active", ended: null };
}

/** The customers whose relationship is ended now, each with the decision that ended it. */
export function endedRelationships(
  decisions: readonly RelationshipDecision[],
): Map<string, RelationshipDecision> {
  const latest = new Map<string, RelationshipDecision>();
  for (const d of [...decisions].sort((a, b) => a.decidedAt - b.decidedAt))
    latest.set(d.customer, d);
  return new Map([...latest].filter(([, d]) => d.kind === "part_ways"));
}
