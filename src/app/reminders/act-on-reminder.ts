/**
 * What a manager or the owner does by hand on one invoice: send its next reminder now, confirm
 * (or set aside) a formal notice waiting for confirmation, pause its reminders (or all of a
 * customer's) with a reason and an end date, end a pause. After a formal notice, the process is
 * manual: nothing more is sent by Comptoir.
 */
import { AppError } from "../../domain/errors.ts";
import type { CustomerFact } from "../../domain/facts.ts";
import {
  decideReminder,
  type InvoiceState,
  type ReminderLevel,
  type StopReason,
} from "../../domain/reminders/reminder-schedule.ts";
import type { Store } from "../../store/database.ts";
import { findFact, listCustomerFacts } from "../../store/fact-repository.ts";
import type { Organization } from "../../store/organization-repository.ts";
import {
  addPause,
  decideStep,
  endPause,
  setStepOutbox,
  stepsOfInvoices,
} from "../../store/reminder-repository.ts";
import { enqueueReminderMail, type QueueOutcome, queueReminder } from "./queue-reminder.ts";
import { openInvoiceStates, type ReminderContext, reminderContext } from "./reminder-context.ts";

const WHY: Record<StopReason, string> = {
  paid: "the invoice is paid in full",
  credited: "credit notes settle the invoice's balance",
  complaint: "a complaint on its order is open; resolve it first",
  paused: "its reminders are paused; end the pause first",
  manual: "its formal notice has gone; what follows is manual",
};

async function invoiceTarget(
  ctx: ReminderContext,
  invoiceId: string,
): Promise<{ customer: CustomerFact; state: InvoiceState }> {
  const invoice = await findFact(ctx.store, ctx.org.id, "invoice", invoiceId);
  if (invoice?.type !== "invoice") {
    throw new AppError("NOT_FOUND", `invoice: no invoice "${invoiceId}"`);
  }
  const facts = await listCustomerFacts(ctx.store, ctx.org.id, invoice.customer);
  const customer = facts.find((f): f is CustomerFact => f.type === "customer");
  if (!customer) throw new AppError("NOT_FOUND", `invoice: no customer for "${invoiceId}"`);
  const steps = await stepsOfInvoices(ctx.store, ctx.org.id, [invoiceId]);
  const state = openInvoiceStates(ctx, customer, facts, steps).find(
    (s) => s.invoice.id === invoiceId,
  );
  if (!state) {
    throw new AppError("REMINDER_NOT_POSSIBLE", `invoice: ${WHY.paid} (nothing remains due)`);
  }
  return { customer, state };
}

/** "Send now": the invoice's next reminder at once, whatever its date (a formal notice too). */
export async function sendReminderNow(
  store: Store,
  org: Organization,
  actor: string,
  invoiceId: string,
  now: number = Date.now(),
): Promise<{ level: ReminderLevel; outcome: QueueOutcome }> {
  const ctx = await reminderContext(store, org, now);
  const { customer, state } = await invoiceTarget(ctx, invoiceId);
  const pending = (await stepsOfInvoices(store, org.id, [invoiceId])).get(invoiceId) ?? [];
  if (pending.some((s) => s.level === 3 && s.status === "to_confirm")) {
    return { level: 3, outcome: await confirmFormalNotice(store, org, actor, invoiceId, now) };
  }
  // Due or still to come: by hand, the next level goes now.
  const decision = decideReminder(state, ctx.schedule, now);
  if (decision.kind === "stopped") {
    throw new AppError("REMINDER_NOT_POSSIBLE", `invoice: ${WHY[decision.reason]}`);
  }
  // The courtesy e-mail is for before the due date only; by hand, the first level at least.
  const level: ReminderLevel =
    decision.level === 0 && now >= state.invoice.due ? 1 : decision.level;
  if (!customer.email) {
    throw new AppError("BAD_INPUT", "email: the customer has no e-mail address on record");
  }
  const outcome = await queueReminder(ctx, { customer, state, level }, actor);
  return { level, outcome };
}

/** A manager's or the owner's yes to a formal notice waiting in "to confirm": it is queued. */
export async function confirmFormalNotice(
  store: Store,
  org: Organization,
  actor: string,
  invoiceId: string,
  now: number = Date.now(),
): Promise<QueueOutcome> {
  const ctx = await reminderContext(store, org, now);
  const { customer, state } = await invoiceTarget(ctx, invoiceId);
  if (state.openComplaint) throw new AppError("REMINDER_NOT_POSSIBLE", `invoice: ${WHY.complaint}`);
  if (state.pause && now <= state.pause.until + 86_399_999) {
    throw new AppError("REMINDER_NOT_POSSIBLE", `invoice: ${WHY.paused}`);
  }
  return store.db.transaction().execute(async (trx) => {
    const inTrx = { ...ctx, store: { ...store, db: trx } };
    if (!(await decideStep(inTrx.store, org.id, invoiceId, 3, "queued", actor))) {
      throw new AppError(
        "REMINDER_NOT_POSSIBLE",
        "invoice: no formal notice is waiting for confirmation",
      );
    }
    const outboxId = await enqueueReminderMail(inTrx, { customer, state, level: 3 });
    await setStepOutbox(inTrx.store, org.id, invoiceId, 3, outboxId);
    return "queued" as const;
  });
}

/** Sets a waiting formal notice aside: not sent, and the run will not propose it again. */
export async function dismissFormalNotice(
  store: Store,
  org: Organization,
  actor: string,
  invoiceId: string,
): Promise<void> {
  if (!(await findFact(store, org.id, "invoice", invoiceId))) {
    throw new AppError("NOT_FOUND", `invoice: no invoice "${invoiceId}"`);
  }
  if (!(await decideStep(store, org.id, invoiceId, 3, "dismissed", actor))) {
    throw new AppError(
      "REMINDER_NOT_POSSIBLE",
      "invoice: no formal notice is waiting for confirmation",
    );
  }
}

export interface PauseInput {
  scope: "invoice" | "customer";
  target: string;
  reason: string;
  /** Last day of the pause, YYYY-MM-DD. */
  until: string;
}

export async function pauseReminders(
  store: Store,
  org: Organization,
  actor: string,
  input: PauseInput,
  now: number = Date.now(),
): Promise<number> {
  const fact = await findFact(store, org.id, input.scope, input.target);
  if (!fact) {
    throw new AppError("NOT_FOUND", `target: no ${input.scope} "${input.target}"`);
  }
  if (input.until < new Date(now).toISOString().slice(0, 10)) {
    throw new AppError("BAD_INPUT", "until: the pause must end today or later");
  }
  return addPause(store, org.id, { ...input, createdBy: actor });
}

export async function endReminderPause(store: Store, org: Organization, id: number): Promise<void> {
  if (!(await endPause(store, org.id, id))) {
    throw new AppError("NOT_FOUND", `id: no running pause ${id}`);
  }
}
