/**
 * The reminder run: one pass over the organization's customers (streamed, whole customers a
 * chunk, so memory stays bounded whatever the ledger's size), deciding for each open invoice
 * whether a reminder is due as of `asOf` and queueing it (queue-reminder.ts), or, dry, only
 * saying what it would do. No PDF is drawn here: letters are drawn when their mails are sent.
 * The same pass, dry, feeds the reminders page (upcoming, stopped and why).
 * @example const result = await runReminders(store, org, { asOf: Date.now(), dryRun: true });
 */
import type { CustomerFact } from "../../domain/facts.ts";
import {
  decideReminder,
  type InvoiceState,
  type ReminderDecision,
  type ReminderLevel,
} from "../../domain/reminders/reminder-schedule.ts";
import type { Store } from "../../store/database.ts";
import { streamCustomerFacts } from "../../store/fact-repository.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { stepsOfInvoices } from "../../store/reminder-repository.ts";
import { queueReminder } from "./queue-reminder.ts";
import { openInvoiceStates, reminderContext } from "./reminder-context.ts";

export interface ReminderItem {
  invoice: string;
  customer: string;
  customerName: string;
  email: string | null;
  level: ReminderLevel;
  /** Minor units. */
  balance: number;
  due: string;
  /** When this level is (or was) due. */
  dueAt: string;
  /** queued, to_confirm, taken (already queued before), no_email, would_queue (dry run). */
  outcome:
    | "queued"
    | "to_confirm"
    | "taken"
    | "no_email"
    | "would_queue"
    | "would_confirm"
    | "upcoming";
}

export interface StoppedItem {
  invoice: string;
  customer: string;
  customerName: string;
  balance: number;
  reason: "complaint" | "paused" | "manual";
  pauseUntil?: string;
  pauseReason?: string;
}

export interface ReminderRunResult {
  asOf: string;
  dryRun: boolean;
  /** Open invoices looked at. */
  invoices: number;
  counts: Record<ReminderItem["outcome"] | "stopped", number>;
  /** Due reminders (queued, waiting for confirmation, or would be), at most `limit`. */
  due: ReminderItem[];
  /** Reminders to come, soonest first, at most `limit` (only when asked). */
  upcoming: ReminderItem[];
  stopped: StoppedItem[];
  truncated: boolean;
}

export interface RunOptions {
  asOf: number;
  dryRun?: boolean;
  /** How many items each list keeps (counts are always whole). Default 1000. */
  limit?: number;
  /** Keep upcoming reminders and stopped invoices too (the reminders page). */
  details?: boolean;
}

const BATCH = 500;

export async function runReminders(
  store: Store,
  org: Organization,
  options: RunOptions,
): Promise<ReminderRunResult> {
  const ctx = await reminderContext(store, org, options.asOf);
  const limit = options.limit ?? 1000;
  const result: ReminderRunResult = {
    asOf: new Date(options.asOf).toISOString(),
    dryRun: Boolean(options.dryRun),
    invoices: 0,
    counts: {
      queued: 0,
      to_confirm: 0,
      taken: 0,
      no_email: 0,
      would_queue: 0,
      would_confirm: 0,
      upcoming: 0,
      stopped: 0,
    },
    due: [],
    upcoming: [],
    stopped: [],
    truncated: false,
  };
  const keep = <T>(list: T[], item: T) => {
    if (list.length < limit) list.push(item);
    else result.truncated = true;
  };

  let batch: { customer: CustomerFact; facts: Parameters<typeof openInvoiceStates>[2] }[] = [];
  let batchInvoices: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const steps = await stepsOfInvoices(store, org.id, batchInvoices);
    for (const { customer, facts } of batch) {
      for (const state of openInvoiceStates(ctx, customer, facts, steps)) {
        result.invoices++;
        const decision = decideReminder(state, ctx.schedule, options.asOf);
        await handle(customer, state, decision);
      }
    }
    batch = [];
    batchInvoices = [];
  };

  const handle = async (
    customer: CustomerFact,
    state: InvoiceState,
    decision: ReminderDecision,
  ) => {
    const base = {
      invoice: state.invoice.id,
      customer: customer.id,
      customerName: customer.name,
      balance: state.balance,
    };
    if (decision.kind === "stopped") {
      if (decision.reason === "paid" || decision.reason === "credited") return;
      result.counts.stopped++;
      if (options.details) {
        keep(result.stopped, {
          ...base,
          reason: decision.reason,
          pauseUntil:
            decision.reason === "paused"
              ? new Date(state.pause?.until ?? 0).toISOString().slice(0, 10)
              : undefined,
          pauseReason: decision.reason === "paused" ? state.pause?.reason : undefined,
        });
      }
      return;
    }
    const item: ReminderItem = {
      ...base,
      email: customer.email ?? null,
      level: decision.level,
      due: new Date(state.invoice.due).toISOString().slice(0, 10),
      dueAt: new Date(decision.dueAt).toISOString().slice(0, 10),
      outcome: "upcoming",
    };
    if (decision.kind === "upcoming") {
      result.counts.upcoming++;
      if (options.details) keep(result.upcoming, item);
      return;
    }
    if (!customer.email) item.outcome = "no_email";
    else if (options.dryRun) item.outcome = decision.level === 3 ? "would_confirm" : "would_queue";
    else item.outcome = await queueReminder(ctx, { customer, state, level: decision.level });
    result.counts[item.outcome]++;
    if (item.outcome !== "taken") keep(result.due, item);
  };

  for await (const group of streamCustomerFacts(store, org.id, { until: options.asOf })) {
    if (group.customer.status === "prospect") continue;
    const invoices = group.facts.filter((f) => f.type === "invoice").map((f) => f.id);
    if (invoices.length === 0) continue;
    batch.push(group);
    batchInvoices.push(...invoices);
    if (batchInvoices.length >= BATCH) await flush();
  }
  await flush();
  result.upcoming.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return result;
}
