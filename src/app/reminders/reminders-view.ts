/**
 * The reminders page: a dry run as of now (due, upcoming, stopped), the formal notices waiting
 * for confirmation, the reminders taken lately with whether a mail server accepted them, and
 * the pauses in force.
 */
import { findCustomer } from "../../store/customer-records.ts";
import type { Store } from "../../store/database.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { activePauses, listSteps, type ReminderPause } from "../../store/reminder-repository.ts";
import { type ReminderItem, runReminders, type StoppedItem } from "./run-reminders.ts";

export interface RemindersPage {
  toConfirm: ReminderItem[];
  due: ReminderItem[];
  upcoming: ReminderItem[];
  sent: {
    invoice: string;
    customer: string;
    customerName: string;
    level: number;
    state: "queued" | "sent";
    at: string;
  }[];
  stopped: StoppedItem[];
  /** A pause on a customer carries the customer's name, for the page to say who. */
  pauses: (ReminderPause & { targetName: string })[];
}

export async function remindersPage(
  store: Store,
  org: Organization,
  now: number = Date.now(),
): Promise<RemindersPage> {
  const dry = await runReminders(store, org, {
    asOf: now,
    dryRun: true,
    details: true,
    limit: 200,
  });
  const waiting = await listSteps(store, org.id, "to_confirm");
  const waitingIds = new Set(waiting.map((s) => s.invoice));
  const byInvoice = new Map(dry.stopped.map((s) => [s.invoice, s]));
  const toConfirm = waiting.map((s) => {
    const known = byInvoice.get(s.invoice);
    return {
      invoice: s.invoice,
      customer: s.customer,
      customerName: known?.customerName ?? s.customer,
      email: null,
      level: s.level,
      balance: known?.balance ?? 0,
      due: "",
      dueAt: s.createdAt.slice(0, 10),
      outcome: "to_confirm" as const,
    };
  });
  const queued = await listSteps(store, org.id, "queued", 100);
  const ids = queued.map((s) => s.outboxId).filter((id): id is number => id !== null);
  const sentAt = new Map<number, string | null>();
  if (ids.length > 0) {
    const rows = await store.db
      .selectFrom("outbox")
      .select(["id", "sent_at"])
      .where("org_id", "=", org.id)
      .where("id", "in", ids)
      .execute();
    for (const r of rows) sentAt.set(Number(r.id), r.sent_at);
  }
  // Names, not ids: the customers of the sent reminders and of the pauses (at most a few hundred).
  const names = new Map<string, string>();
  const nameOf = async (id: string): Promise<string> => {
    let name = names.get(id);
    if (name === undefined) {
      name = (await findCustomer(store, org.id, id))?.name ?? id;
      names.set(id, name);
    }
    return name;
  };
  for (const s of queued) await nameOf(s.customer);
  const pauses = await activePauses(store, org.id, new Date(now).toISOString().slice(0, 10));
  const namedPauses = [];
  for (const p of pauses) {
    namedPauses.push({
      ...p,
      targetName: p.scope === "customer" ? await nameOf(p.target) : p.target,
    });
  }
  return {
    toConfirm,
    due: dry.due,
    upcoming: dry.upcoming,
    sent: queued.map((s) => {
      const at = s.outboxId === null ? null : (sentAt.get(s.outboxId) ?? null);
      return {
        invoice: s.invoice,
        customer: s.customer,
        customerName: names.get(s.customer) ?? s.customer,
        level: s.level,
        state: at ? ("sent" as const) : ("queued" as const),
        at: at ?? s.decidedAt ?? s.createdAt,
      };
    }),
    stopped: dry.stopped.filter((s) => !(s.reason === "manual" && waitingIds.has(s.invoice))),
    pauses: namedPauses,
  };
}
