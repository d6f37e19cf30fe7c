import { type Kysely, sql } from "kysely";

// Running timers (issue 16): at most one per member of an organization (the primary key), kept
// in the database so that a reload or a server restart does not lose it. Stopping a timer
// deletes its row and appends a `time` fact; the row is never the record of the time spent.
// The report of non-billable time reads the organization's `time` facts over a window: a
// partial index on them, as for feedback, spares it a pass over every fact.
// Never edit after it shipped: add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("time_timers")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("customer", "text", (c) => c.notNull())
    .addColumn("order_id", "text")
    .addColumn("activity", "text", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("time_timers_pk", ["org_id", "user_id"])
    .execute();
  await db.schema
    .createIndex("facts_org_time_at")
    .on("facts")
    .columns(["org", "at"])
    .where(sql.ref("type"), "=", "time")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("facts_org_time_at").execute();
  await db.schema.dropTable("time_timers").execute();
}
