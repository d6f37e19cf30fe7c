/**
 * The owner's relationship decisions (migration 2026-12-01T10-00-relationships): appended,
 * never updated. Every query takes the organization's id.
 */
import type { Kysely } from "kysely";
import type { RelationshipDecision } from "../domain/relationship.ts";
import type { Database } from "./schema.ts";

export interface RelationshipDecisionTable {
  id: string;
  org_id: string;
  customer: string;
  kind: string;
  reason: string | null;
  explanation: string;
  /** JSON array of fact ids. */
  evidence: string;
  door_open: number;
  condition: string | null;
  letter_lang: string | null;
  letter_text: string | null;
  decided_by: string;
  decided_by_name: string;
  decided_at: string;
}

type Tables = { relationship_decisions: RelationshipDecisionTable };
type Db = Kysely<Database & Tables>;
const typed = (db: Kysely<Database>): Db => db.withTables<Tables>();

function fromRow(r: RelationshipDecisionTable): RelationshipDecision {
  return {
    id: r.id,
    customer: r.customer,
    kind: r.kind as RelationshipDecision["kind"],
    reason: r.reason as RelationshipDecision["reason"],
    explanation: r.explanation,
    evidence: JSON.parse(r.evidence) as string[],
    doorOpen: Number(r.door_open) === 1,
    condition: r.condition,
    letterLang: r.letter_lang as RelationshipDecision["letterLang"],
    letterText: r.letter_text,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name,
    decidedAt: Date.parse(r.decided_at),
  };
}

export async function insertDecision(
  db: Kysely<Database>,
  orgId: string,
  d: RelationshipDecision,
): Promise<void> {
  await typed(db)
    .insertInto("relationship_decisions")
    .values({
      id: d.id,
      org_id: orgId,
      customer: d.customer,
      kind: d.kind,
      reason: d.reason,
      explanation: d.explanation,
      evidence: JSON.stringify(d.evidence),
      door_open: d.doorOpen ? 1 : 0,
      condition: d.condition,
      letter_lang: d.letterLang,
      letter_text: d.letterText,
      decided_by: d.decidedBy,
      decided_by_name: d.decidedByName,
      decided_at: new Date(d.decidedAt).toISOString(),
    })
    .execute();
}

/** One customer's decisions, oldest first. */
export async function listDecisions(
  db: Kysely<Database>,
  orgId: string,
  customer: string,
): Promise<RelationshipDecision[]> {
  const rows = await typed(db)
    .selectFrom("relationship_decisions")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("customer", "=", customer)
    .orderBy("decided_at")
    .orderBy("id")
    .execute();
  return rows.map(fromRow);
}

export async function findDecision(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<RelationshipDecision | undefined> {
  const row = await typed(db)
    .selectFrom("relationship_decisions")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/** Every decision of the organization, oldest first (few: one or two per parted customer). */
export async function listAllDecisions(
  db: Kysely<Database>,
  orgId: string,
): Promise<RelationshipDecision[]> {
  const rows = await typed(db)
    .selectFrom("relationship_decisions")
    .selectAll()
    .where("org_id", "=", orgId)
    .orderBy("decided_at")
    .orderBy("id")
    .execute();
  return rows.map(fromRow);
}
