import type { Kysely } from "kysely";

// Changes decided because of themes, and "you said, we did" (issue 17, item 4).
// `theme_changes`: what the owner or a manager decided (text, the theme ids as JSON, status
// planned, done or declined, the reason when declined). `theme_change_notices`: one row per
// change and person (an e-mail address) to tell; its primary key keeps each person told once
// per change whatever the number of themes the change names; `outbox_id` is the mail that
// carried it (null until the day's mail is queued; several notices share one mail).
// Never edit after it shipped: add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("theme_changes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("themes", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    .execute();
  await db.schema
    .createIndex("theme_changes_org")
    .on("theme_changes")
    .columns(["org_id", "created_at"])
    .execute();
  await db.schema
    .createTable("theme_change_notices")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("change_id", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text")
    .addColumn("lang", "text", (c) => c.notNull())
    /** JSON: the ids of the change's themes this person raised. */
    .addColumn("themes", "text", (c) => c.notNull())
    /** UTC day the change was decided: the notice goes in the mail of a later day. */
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("outbox_id", "bigint")
    .addPrimaryKeyConstraint("theme_change_notices_pk", ["org_id", "change_id", "email"])
    .execute();
  await db.schema
    .createIndex("theme_change_notices_pending")
    .on("theme_change_notices")
    .columns(["org_id", "outbox_id", "day"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("theme_change_notices").execute();
  await db.schema.dropTable("theme_changes").execute();
}
