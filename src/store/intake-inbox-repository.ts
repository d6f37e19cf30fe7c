/** What the inbox has marked as handled (detractor feedback answered). */
import type { IntakeDb } from "./intake-schema.ts";

export async function markDone(
  db: IntakeDb,
  orgId: string,
  entry: { kind: string; ref: string; by: string; at: number },
): Promise<void> {
  await db
    .insertInto("inbox_done")
    .values({
      org_id: orgId,
      kind: entry.kind,
      ref: entry.ref,
      done_by: entry.by,
      done_at: new Date(entry.at).toISOString(),
    })
    .onConflict((oc) => oc.columns(["org_id", "kind", "ref"]).doNothing())
    .execute();
}

export async function doneRefs(db: IntakeDb, orgId: string, kind: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("inbox_done")
    .select("ref")
    .where("org_id", "=", orgId)
    .where("kind", "=", kind)
    .execute();
  return new Set(rows.map((r) => r.ref));
}
