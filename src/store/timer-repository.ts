/**
 * Running timers (migration 2026-12-07T11-00-time-timers): one row per member at most.
 * Every query takes the organization's id and the member's user id.
 */
import type { Kysely } from "kysely";
import { decodeFact } from "../domain/fact-codec.ts";
import type { TimeActivity, TimeFact } from "../domain/facts.ts";
import type { Store } from "./database.ts";
import { orgKey } from "./org-key.ts";
import type { Database } from "./schema.ts";

export interface TimerTable {
  org_id: string;
  user_id: string;
  customer: string;
  order_id: string | null;
  activity: string;
  started_at: string;
}

export interface RunningTimer {
  userId: string;
  customer: string;
  order: string | null;
  activity: TimeActivity;
  startedAt: number;
}

type Tables = { time_timers: TimerTable };
const typed = (db: Kysely<Database>) => db.withTables<Tables>();

export async function findTimer(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
): Promise<RunningTimer | undefined> {
  const row = await typed(db)
    .selectFrom("time_timers")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return (
    row && {
      userId: row.user_id,
      customer: row.customer,
      order: row.order_id,
      activity: row.activity as TimeActivity,
      startedAt: Date.parse(row.started_at),
    }
  );
}

/** Inserts the member's timer; false when one is already running (the primary key). */
export async function insertTimer(
  db: Kysely<Database>,
  orgId: string,
  timer: RunningTimer,
): Promise<boolean> {
  const result = await typed(db)
    .insertInto("time_timers")
    .values({
      org_id: orgId,
      user_id: timer.userId,
      customer: timer.customer,
      order_id: timer.order,
      activity: timer.activity,
      started_at: new Date(timer.startedAt).toISOString(),
    })
    .onConflict((oc) => oc.columns(["org_id", "user_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Deletes the member's timer; false when none was running (another request stopped it). */
export async function deleteTimer(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
): Promise<boolean> {
  const result = await typed(db)
    .deleteFrom("time_timers")
    .where("org_id", "=", orgId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The organization's `time` facts dated after `from` and on or before `to`, oldest first. */
export async function listTimeFacts(
  store: Store,
  orgId: string,
  from: number,
  to: number,
): Promise<TimeFact[]> {
  const rows = await store.db
    .selectFrom("facts")
    .select(["type", "id", "at", "customer", "data"])
    .where("org", "=", orgKey(orgId))
    .where("type", "=", "time")
    .where("at", ">", new Date(from).toISOString())
    .where("at", "<=", new Date(to).toISOString())
    .orderBy("at")
    .orderBy("seq")
    .execute();
  return rows.map((r) => decodeFact(r) as TimeFact);
}
