import type { Kysely } from "kysely";

// The unalterable payment journal (docs/payments.md): one row per payment or refund recorded
// in the app, written in the same transaction as its `payment` fact and chained by hash; the
// closures of days, months and years, chained the same way, one per period (the unique key is
// the claim that keeps two servers from closing a period twice); the result of the latest
// verification, which the app shows to owners. Never edit after it shipped: add a new
// migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("payment_journal")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("fact_id", "text", (c) => c.notNull())
    .addColumn("invoice", "text", (c) => c.notNull())
    .addColumn("customer", "text", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("paid_at", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .addColumn("recorded_by_name", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("payment_journal_pk", ["org_id", "seq"])
    .addUniqueConstraint("payment_journal_fact", ["org_id", "fact_id"])
    .execute();
  await db.schema
    .createTable("payment_closures")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("entries", "integer", (c) => c.notNull())
    .addColumn("total", "bigint", (c) => c.notNull())
    .addColumn("by_method", "text", (c) => c.notNull())
    .addColumn("perpetual_total", "bigint", (c) => c.notNull())
    .addColumn("journal_seq", "integer", (c) => c.notNull())
    .addColumn("journal_hash", "text", (c) => c.notNull())
    .addColumn("closed_at", "text", (c) => c.notNull())
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("payment_closures_pk", ["org_id", "seq"])
    .addUniqueConstraint("payment_closures_period", ["org_id", "kind", "period"])
    .execute();
  await db.schema
    .createTable("payment_journal_checks")
    .addColumn("org_id", "text", (c) => c.primaryKey().references("organizations.id"))
    .addColumn("checked_at", "text", (c) => c.notNull())
    .addColumn("ok", "integer", (c) => c.notNull())
    .addColumn("entries", "integer", (c) => c.notNull())
    .addColumn("closures", "integer", (c) => c.notNull())
    .addColumn("problems", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("payment_journal_checks").execute();
  await db.schema.dropTable("payment_closures").execute();
  await db.schema.dropTable("payment_journal").execute();
}
