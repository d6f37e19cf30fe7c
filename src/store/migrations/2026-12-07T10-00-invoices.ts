import type { Kysely } from "kysely";

// Invoices issued in the app (issue 16). `invoice_counters` holds, per organization and
// series, the last number issued: the issuing transaction increments it (a row lock) and reads
// the new value back, so numbers have no gaps (a rolled-back issue gives its number back),
// which a database sequence would not promise. `invoices` holds drafts (editable, no number)
// and issued documents (immutable; the ledger has their `invoice`/`credit_note` fact).
// `invoice_numbering` is the owner's choice of series per kind of document.
// Never edit after it shipped: add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("invoice_counters")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("series", "text", (c) => c.notNull())
    .addColumn("last_value", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("invoice_counters_pk", ["org_id", "series"])
    .execute();
  await db.schema
    .createTable("invoice_numbering")
    .addColumn("org_id", "text", (c) => c.primaryKey().references("organizations.id"))
    .addColumn("invoice_series", "text", (c) => c.notNull())
    .addColumn("credit_note_series", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("invoices")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("customer", "text", (c) => c.notNull())
    .addColumn("series", "text")
    .addColumn("number", "text")
    .addColumn("issue_date", "text")
    .addColumn("due_date", "text")
    .addColumn("amount", "bigint")
    .addColumn("corrects", "text")
    // JSON: lines, references, service date, notes, and once issued the whole document.
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("issued_by", "text")
    .addColumn("issued_at", "text")
    .addPrimaryKeyConstraint("invoices_pk", ["org_id", "id"])
    .execute();
  await db.schema
    .createIndex("invoices_number")
    .on("invoices")
    .columns(["org_id", "number"])
    .unique()
    .execute();
  await db.schema
    .createIndex("invoices_customer")
    .on("invoices")
    .columns(["org_id", "customer"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("invoices").execute();
  await db.schema.dropTable("invoice_numbering").execute();
  await db.schema.dropTable("invoice_counters").execute();
}
