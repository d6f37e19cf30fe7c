import type { Kysely } from "kysely";

// The organization's identity (legal name, address, SIREN, VAT...), as its receipts, letters
// and invoices print it. Each save appends a version, never edited, so that a document can be
// printed with the identity of its day; the latest version is the current one. Logos are kept
// apart, once per content (a version names its logo), already downscaled, base64 like photos.
// Never edit after it shipped: add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("organization_identities")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("logo_id", "text")
    .addColumn("saved_by", "text", (c) => c.notNull())
    .addColumn("saved_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("organization_identities_pk", ["org_id", "version"])
    .execute();
  await db.schema
    .createTable("organization_logos")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("width", "integer", (c) => c.notNull())
    .addColumn("height", "integer", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("organization_logos_pk", ["org_id", "id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("organization_logos").execute();
  await db.schema.dropTable("organization_identities").execute();
}
