import type { Kysely } from "kysely";

// The themes' codebook, one per organization (issue 17): JSON of its themes (id, labels and
// keywords in French and English) and the ids of dismissed suggestions. No row = the default
// codebook. Never edit after it shipped: add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("theme_codebooks")
    .addColumn("org_id", "text", (c) => c.primaryKey().references("organizations.id"))
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("theme_codebooks").execute();
}
