import type { Kysely } from "kysely";

// The owner's decisions about a relationship with a customer: ending it (reason, evidence,
// whether the door stays open, the letter sent) and resuming it. Append-only: a decision is
// never edited or deleted; the latest one per customer tells where the relationship stands.
// Never edit after it shipped: add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("relationship_decisions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("customer", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("explanation", "text", (c) => c.notNull())
    .addColumn("evidence", "text", (c) => c.notNull())
    .addColumn("door_open", "integer", (c) => c.notNull())
    .addColumn("condition", "text")
    .addColumn("letter_lang", "text")
    .addColumn("letter_text", "text")
    .addColumn("decided_by", "text", (c) => c.notNull())
    .addColumn("decided_by_name", "text", (c) => c.notNull())
    .addColumn("decided_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("relationship_decisions_customer")
    .on("relationship_decisions")
    .columns(["org_id", "customer", "decided_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("relationship_decisions").execute();
}
