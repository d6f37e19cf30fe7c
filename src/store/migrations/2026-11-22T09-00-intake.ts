import type { Kysely } from "kysely";

// Intake and after-sales workflow state: the service catalogue, orders taken at the counter
// with their questions, disclosures, photos and acknowledgement links, complaints, and what
// the inbox marked as handled. The ledger (`facts`) stays the record of what happened; these
// tables hold what is still moving. Money in bigint minor units, instants ISO UTC text.
// Never edit after it shipped: add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("catalogue_services")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("price", "bigint", (c) => c.notNull())
    .addColumn("cost", "bigint", (c) => c.notNull())
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("included_revisions", "integer", (c) => c.notNull())
    .addColumn("warranty_days", "integer", (c) => c.notNull())
    .addColumn("risks", "text", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("catalogue_services_code", ["org_id", "lang", "code"])
    .execute();

  await db.schema
    .createTable("intake_orders")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("customer", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("service_id", "text")
    .addColumn("service", "text")
    .addColumn("item", "text", (c) => c.notNull())
    .addColumn("observations", "text", (c) => c.notNull())
    .addColumn("advice", "text")
    .addColumn("list_price", "bigint")
    .addColumn("price", "bigint")
    .addColumn("cost", "bigint", (c) => c.notNull())
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("deposit", "bigint", (c) => c.notNull())
    .addColumn("due", "text")
    .addColumn("included_revisions", "integer", (c) => c.notNull())
    .addColumn("warranty_days", "integer", (c) => c.notNull())
    .addColumn("quote_confirmed_by", "text")
    .addColumn("redo_of", "text")
    .addColumn("decline_reason", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("accepted_at", "text")
    .addColumn("delivered_at", "text")
    .addColumn("closed_at", "text")
    .addColumn("declined_at", "text")
    .execute();
  await db.schema
    .createIndex("intake_orders_org")
    .on("intake_orders")
    .columns(["org_id", "status", "created_at"])
    .execute();
  await db.schema
    .createIndex("intake_orders_customer")
    .on("intake_orders")
    .columns(["org_id", "customer"])
    .execute();

  await db.schema
    .createTable("intake_questions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("order_id", "text", (c) => c.notNull().references("intake_orders.id"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("asked_at", "text", (c) => c.notNull())
    .addColumn("answer", "text")
    .addColumn("answered_at", "text")
    .addColumn("answered_via", "text")
    .addColumn("reviewed_at", "text")
    .execute();
  await db.schema
    .createIndex("intake_questions_order")
    .on("intake_questions")
    .columns(["org_id", "order_id"])
    .execute();

  await db.schema
    .createTable("intake_disclosures")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("order_id", "text", (c) => c.notNull().references("intake_orders.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("acknowledged_at", "text")
    .addColumn("acknowledged_by", "text")
    .addColumn("acknowledged_via", "text")
    .addColumn("signature", "text")
    .execute();
  await db.schema
    .createIndex("intake_disclosures_order")
    .on("intake_disclosures")
    .columns(["org_id", "order_id"])
    .execute();

  await db.schema
    .createTable("intake_ack_links")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("order_id", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("email", "text")
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();

  await db.schema
    .createTable("intake_photos")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("order_id", "text", (c) => c.notNull().references("intake_orders.id"))
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("complaints")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("customer", "text", (c) => c.notNull())
    .addColumn("order_id", "text")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("opened_by", "text", (c) => c.notNull())
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("first_response_at", "text")
    .addColumn("first_response_text", "text")
    .addColumn("resolved_at", "text")
    .addColumn("fault", "text")
    .addColumn("fault_reason", "text")
    .addColumn("disclosure_code", "text")
    .addColumn("remedy", "text")
    .addColumn("remedy_amount", "bigint")
    .addColumn("explanation", "text")
    .addColumn("redo_order_id", "text")
    .execute();
  await db.schema
    .createIndex("complaints_org")
    .on("complaints")
    .columns(["org_id", "resolved_at", "opened_at"])
    .execute();

  await db.schema
    .createTable("inbox_done")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("ref", "text", (c) => c.notNull())
    .addColumn("done_by", "text", (c) => c.notNull())
    .addColumn("done_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("inbox_done_pk", ["org_id", "kind", "ref"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "inbox_done",
    "complaints",
    "intake_photos",
    "intake_ack_links",
    "intake_disclosures",
    "intake_questions",
    "intake_orders",
    "catalogue_services",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
