import type { Kysely } from "kysely";
import { autoIncrementPrimaryKey, autoIncrementType } from "../dialect.ts";

// Reminders (issue 16, item 6). `reminder_settings`: the owner's schedule and template
// overrides (JSON). `reminder_pauses`: a pause on one invoice or one customer, with a reason and
// an end date. `reminder_steps`: one row per invoice and level taken (queued, waiting for a
// manager's confirmation, or dismissed); its primary key is the claim that keeps several
// servers on one database from queueing the same reminder. `reminder_runs`: one row per
// organization and day, so that the servers' background loops run the schedule once a day.
// Never edit after it shipped: add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("reminder_settings")
    .addColumn("org_id", "text", (c) => c.primaryKey())
    .addColumn("schedule", "text", (c) => c.notNull())
    .addColumn("templates", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("reminder_pauses")
    .addColumn("id", autoIncrementType(db), (c) => autoIncrementPrimaryKey(db, c))
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("until", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("ended_at", "text")
    .execute();
  await db.schema
    .createIndex("reminder_pauses_target")
    .on("reminder_pauses")
    .columns(["org_id", "scope", "target"])
    .execute();
  await db.schema
    .createTable("reminder_steps")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("invoice", "text", (c) => c.notNull())
    .addColumn("level", "integer", (c) => c.notNull())
    .addColumn("customer", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("outbox_id", "bigint")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    .addPrimaryKeyConstraint("reminder_steps_pk", ["org_id", "invoice", "level"])
    .execute();
  await db.schema
    .createIndex("reminder_steps_status")
    .on("reminder_steps")
    .columns(["org_id", "status"])
    .execute();
  await db.schema
    .createTable("reminder_runs")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("reminder_runs_pk", ["org_id", "day"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["reminder_runs", "reminder_steps", "reminder_pauses", "reminder_settings"]) {
    await db.schema.dropTable(table).execute();
  }
}
