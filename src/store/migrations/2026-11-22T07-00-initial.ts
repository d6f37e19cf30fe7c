import type { Kysely } from "kysely";
import { autoIncrementPrimaryKey, autoIncrementType } from "../dialect.ts";

// Written once for both dialects; never edit after it shipped: add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("organizations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("lang", "text", (c) => c.notNull().defaultTo("fr"))
    .addColumn("time_zone", "text", (c) => c.notNull().defaultTo("Europe/Paris"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("charters")
    .addColumn("org_id", "text", (c) => c.primaryKey().references("organizations.id"))
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("facts")
    .addColumn("seq", autoIncrementType(db), (c) => autoIncrementPrimaryKey(db, c))
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("at_offset", "text")
    .addColumn("customer", "text")
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addColumn("import_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("facts_org_type_id", ["org_id", "type", "id"])
    .execute();
  await db.schema
    .createIndex("facts_org_customer_at")
    .on("facts")
    .columns(["org_id", "customer", "at"])
    .execute();
  await db.schema
    .createIndex("facts_org_type_at")
    .on("facts")
    .columns(["org_id", "type", "at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("facts").execute();
  await db.schema.dropTable("charters").execute();
  await db.schema.dropTable("organizations").execute();
}
