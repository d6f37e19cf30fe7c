/**
 * Reminders' own tables: the owner's settings, pauses, the steps taken per invoice and level
 * (the claim), and the daily run per organization. Every query takes the organization's id.
 */
import {
  DEFAULT_SCHEDULE,
  type ReminderLevel,
  type ReminderSchedule,
} from "../domain/reminders/reminder-schedule.ts";
import type { TemplateOverrides } from "../domain/reminders/reminder-templates.ts";
import type { Store } from "./database.ts";

export interface ReminderSettings {
  schedule: ReminderSchedule;
  templates: TemplateOverrides;
  updatedAt: string | null;
}

export async function getReminderSettings(store: Store, orgId: string): Promise<ReminderSettings> {
  const row = await store.db
    .selectFrom("reminder_settings")
    .selectAll()
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  if (!row) return { schedule: { ...DEFAULT_SCHEDULE }, templates: {}, updatedAt: null };
  return {
    schedule: { ...DEFAULT_SCHEDULE, ...JSON.parse(row.schedule) },
    templates: JSON.parse(row.templates),
    updatedAt: row.updated_at,
  };
}

export async function saveReminderSettings(
  store: Store,
  orgId: string,
  settings: { schedule: ReminderSchedule; templates: TemplateOverrides },
): Promise<void> {
  const values = {
    schedule: JSON.stringify(settings.schedule),
    templates: JSON.stringify(settings.templates),
    updated_at: new Date().toISOString(),
  };
  await store.db
    .insertInto("reminder_settings")
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column("org_id").doUpdateSet(values))
    .execute();
}

export interface ReminderPause {
  id: number;
  scope: "invoice" | "customer";
  target: string;
  reason: string;
  until: string;
  createdBy: string;
  createdAt: string;
}

export async function addPause(
  store: Store,
  orgId: string,
  pause: Omit<ReminderPause, "id" | "createdAt">,
): Promise<number> {
  const row = await store.db
    .insertInto("reminder_pauses")
    .values({
      org_id: orgId,
      scope: pause.scope,
      target: pause.target,
      reason: pause.reason,
      until: pause.until,
      created_by: pause.createdBy,
      created_at: new Date().toISOString(),
      ended_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Ends a pause before its date; false when the organization has no such pause running. */
export async function endPause(store: Store, orgId: string, id: number): Promise<boolean> {
  const result = await store.db
    .updateTable("reminder_pauses")
    .set({ ended_at: new Date().toISOString() })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("ended_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Pauses not ended by hand whose last day is `fromDay` or later (YYYY-MM-DD). */
export async function activePauses(
  store: Store,
  orgId: string,
  fromDay: string,
): Promise<ReminderPause[]> {
  const rows = await store.db
    .selectFrom("reminder_pauses")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("ended_at", "is", null)
    .where("until", ">=", fromDay)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    scope: r.scope,
    target: r.target,
    reason: r.reason,
    until: r.until,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}

export interface ReminderStep {
  invoice: string;
  level: ReminderLevel;
  customer: string;
  status: "queued" | "to_confirm" | "dismissed";
  outboxId: number | null;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

type StepRow = {
  invoice: string;
  level: number | string;
  customer: string;
  status: "queued" | "to_confirm" | "dismissed";
  outbox_id: number | string | null;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
};

function stepOf(r: StepRow): ReminderStep {
  return {
    invoice: r.invoice,
    level: Number(r.level) as ReminderLevel,
    customer: r.customer,
    status: r.status,
    outboxId: r.outbox_id === null ? null : Number(r.outbox_id),
    createdAt: r.created_at,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  };
}

/** The steps of these invoices, by invoice, a few hundred invoices a query. */
export async function stepsOfInvoices(
  store: Store,
  orgId: string,
  invoices: readonly string[],
): Promise<Map<string, ReminderStep[]>> {
  const out = new Map<string, ReminderStep[]>();
  for (let i = 0; i < invoices.length; i += 500) {
    const rows = await store.db
      .selectFrom("reminder_steps")
      .selectAll()
      .where("org_id", "=", orgId)
      .where("invoice", "in", invoices.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const list = out.get(r.invoice) ?? [];
      list.push(stepOf(r));
      out.set(r.invoice, list);
    }
  }
  return out;
}

/**
 * Takes a step: true when this call wrote it, false when someone (another server, another
 * run, a person) already had. The primary key (org, invoice, level) decides.
 */
export async function claimStep(
  store: Store,
  orgId: string,
  step: {
    invoice: string;
    level: ReminderLevel;
    customer: string;
    status: ReminderStep["status"];
    decidedBy?: string | null;
    /** The run's instant (its as-of date): the schedule counts the gap to the next level from it. */
    at: Date;
  },
): Promise<boolean> {
  const now = step.at.toISOString();
  const row = await store.db
    .insertInto("reminder_steps")
    .values({
      org_id: orgId,
      invoice: step.invoice,
      level: step.level,
      customer: step.customer,
      status: step.status,
      outbox_id: null,
      created_at: now,
      decided_by: step.decidedBy ?? null,
      decided_at: step.decidedBy ? now : null,
    })
    .onConflict((oc) => oc.columns(["org_id", "invoice", "level"]).doNothing())
    .returning("invoice")
    .executeTakeFirst();
  return row !== undefined;
}

export async function setStepOutbox(
  store: Store,
  orgId: string,
  invoice: string,
  level: ReminderLevel,
  outboxId: number,
): Promise<void> {
  await store.db
    .updateTable("reminder_steps")
    .set({ outbox_id: outboxId })
    .where("org_id", "=", orgId)
    .where("invoice", "=", invoice)
    .where("level", "=", level)
    .execute();
}

/** Moves a step waiting for confirmation to `status`; false when it was not waiting. */
export async function decideStep(
  store: Store,
  orgId: string,
  invoice: string,
  level: ReminderLevel,
  status: "queued" | "dismissed",
  by: string,
): Promise<boolean> {
  const result = await store.db
    .updateTable("reminder_steps")
    .set({ status, decided_by: by, decided_at: new Date().toISOString() })
    .where("org_id", "=", orgId)
    .where("invoice", "=", invoice)
    .where("level", "=", level)
    .where("status", "=", "to_confirm")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Steps with a status, newest first. */
export async function listSteps(
  store: Store,
  orgId: string,
  status: ReminderStep["status"],
  limit = 200,
): Promise<ReminderStep[]> {
  const rows = await store.db
    .selectFrom("reminder_steps")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("status", "=", status)
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map(stepOf);
}

/** The day's run of the schedule for an organization: true for the one server that takes it. */
export async function claimDailyRun(store: Store, orgId: string, day: string): Promise<boolean> {
  const row = await store.db
    .insertInto("reminder_runs")
    .values({ org_id: orgId, day, started_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(["org_id", "day"]).doNothing())
    .returning("day")
    .executeTakeFirst();
  return row !== undefined;
}

/** The organization with this id (the outbox knows organizations by id). */
export async function organizationById(store: Store, orgId: string) {
  return store.db
    .selectFrom("organizations")
    .selectAll()
    .where("id", "=", orgId)
    .executeTakeFirst();
}
