import type { Kysely } from "kysely";

// The outbox retries a failed mail after a growing delay (deliver-outbox.ts): the earliest
// time of its next attempt, null for a mail never tried. A delivery run also sets it a little
// ahead before sending, so that two runs never send the same mail twice.
// Never edit after it shipped: add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("outbox").addColumn("next_attempt_at", "text").execute();
  await db.schema
    .createIndex("outbox_pending")
    .on("outbox")
    .columns(["sent_at", "next_attempt_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("outbox_pending").execute();
  await db.schema.alterTable("outbox").dropColumn("next_attempt_at").execute();
}
