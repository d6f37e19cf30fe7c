import type { Kysely } from "kysely";

// Open for business (issue 14): an organization's trade (free text: cordonnerie, retouches…),
// and the organization's own mail server (SMTP), set by an owner in the app. The SMTP password
// is kept as given: the server needs it in clear to sign in to the mail server; the API never
// returns it.
// Never edit after it shipped: add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("organizations").addColumn("trade", "text").execute();
  await db.schema
    .createTable("mail_settings")
    .addColumn("org_id", "text", (c) => c.primaryKey().references("organizations.id"))
    .addColumn("host", "text", (c) => c.notNull())
    .addColumn("port", "integer", (c) => c.notNull())
    .addColumn("username", "text")
    .addColumn("password", "text")
    .addColumn("sender", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("outbox_org").on("outbox").columns(["org_id", "id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("outbox_org").execute();
  await db.schema.dropTable("mail_settings").execute();
  await db.schema.alterTable("organizations").dropColumn("trade").execute();
}
