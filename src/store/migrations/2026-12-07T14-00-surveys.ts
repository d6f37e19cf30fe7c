import type { Kysely } from "kysely";

// Surveys (issue 17): the owner's questions per kind and language, each survey sent (its
// link's hash, when it expires, when it was answered), and the daily job's claims, so that two
// servers on one database run a day's job once. Never edit after it shipped.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("survey_templates")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("recommend", "text", (c) => c.notNull())
    .addColumn("open", "text", (c) => c.notNull())
    /** JSON array of at most three questions. */
    .addColumn("extra", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("survey_templates_pk", ["org_id", "kind", "lang"])
    .execute();
  await db.schema
    .createTable("survey_invitations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("customer", "text", (c) => c.notNull())
    .addColumn("order_id", "text")
    /** The person: the address, lowercased. */
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("lang", "text", (c) => c.notNull())
    /** delivery, daily, manual. */
    .addColumn("trigger", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("sent_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("answered_at", "text")
    .addColumn("feedback_id", "text")
    .addColumn("created_by", "text")
    .execute();
  await db.schema
    .createIndex("survey_invitations_email")
    .on("survey_invitations")
    .columns(["org_id", "email", "sent_at"])
    .execute();
  await db.schema
    .createIndex("survey_invitations_customer")
    .on("survey_invitations")
    .columns(["org_id", "customer", "kind"])
    .execute();
  await db.schema
    .createTable("survey_runs")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("claimed_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addColumn("sent", "integer")
    .addPrimaryKeyConstraint("survey_runs_pk", ["org_id", "day"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("survey_runs").execute();
  await db.schema.dropTable("survey_invitations").execute();
  await db.schema.dropTable("survey_templates").execute();
}
