import type { Kysely } from "kysely";

// Scorecards refresh from "facts added since seq N" of one organization: index it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("facts_org_seq").on("facts").columns(["org_id", "seq"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("facts_org_seq").execute();
}
