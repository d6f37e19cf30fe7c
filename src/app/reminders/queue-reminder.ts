/**
 * Takes one reminder step of one invoice and, unless it is a formal notice waiting for a
 * manager's or the owner's confirmation, queues its mail, all in one transaction: the step's
 * primary key (org, invoice, level) is the claim, so two servers, two runs or a run and a
 * person never queue the same reminder; the outbox's dedup key `reminder:<invoice>:<level>`
 * says the same a second time. The mail carries the `reminder` fact it becomes when a mail
 * server accepts it (deliver-outbox.ts), and its PDF letter is drawn only then.
 */
import type { CustomerFact, ReminderFact } from "../../domain/facts.ts";
import { composeReminder } from "../../domain/reminders/compose-reminder.ts";
import type { InvoiceState, ReminderLevel } from "../../domain/reminders/reminder-schedule.ts";
import { enqueueMail } from "../../store/outbox-repository.ts";
import { claimStep, setStepOutbox } from "../../store/reminder-repository.ts";
import { customerLang, type ReminderContext } from "./reminder-context.ts";
import type { ReminderLetterSpec } from "./render-reminder-letter.ts";

export type QueueOutcome = "queued" | "to_confirm" | "taken" | "no_email";

export interface QueueTarget {
  customer: CustomerFact;
  state: InvoiceState;
  level: ReminderLevel;
}

const FILE_NAMES = {
  fr: ["rappel", "relance", "relance", "mise-en-demeure"],
  en: ["reminder", "reminder", "reminder", "formal-notice"],
} as const;

export function reminderDedupKey(invoice: string, level: ReminderLevel): string {
  return `reminder:${invoice}:${level}`;
}

/**
 * `confirmedBy`: the member who asked for it (send now, confirmation); a formal notice without
 * one waits in "to confirm".
 */
export async function queueReminder(
  ctx: ReminderContext,
  target: QueueTarget,
  confirmedBy?: string,
): Promise<QueueOutcome> {
  const { customer, state, level } = target;
  if (!customer.email) return "no_email";
  const waits = level === 3 && !confirmedBy;
  return ctx.store.db.transaction().execute(async (trx) => {
    const store = { ...ctx.store, db: trx };
    const claimed = await claimStep(store, ctx.org.id, {
      invoice: state.invoice.id,
      level,
      customer: customer.id,
      status: waits ? "to_confirm" : "queued",
      decidedBy: confirmedBy ?? null,
      at: new Date(ctx.asOf),
    });
    if (!claimed) return "taken";
    if (waits) return "to_confirm";
    const outboxId = await enqueueReminderMail({ ...ctx, store }, target);
    await setStepOutbox(store, ctx.org.id, state.invoice.id, level, outboxId);
    return "queued";
  });
}

/** Writes the mail of a step already taken (a confirmed formal notice, a run's reminder). */
export async function enqueueReminderMail(
  ctx: ReminderContext,
  { customer, state, level }: QueueTarget,
): Promise<number> {
  const lang = customerLang(customer, ctx.org);
  const words = composeReminder({
    level,
    lang,
    shop: ctx.org.name,
    customer,
    invoice: state.invoice,
    balance: state.balance,
    currency: ctx.currency,
    timeZone: ctx.org.time_zone,
    penaltyRate: ctx.penaltyRate,
    asOf: ctx.asOf,
    templates: ctx.templates,
  });
  const fact: ReminderFact | undefined =
    level >= 1
      ? {
          type: "reminder",
          id: `rem-${state.invoice.id}-${level}`,
          at: ctx.asOf,
          customer: customer.id,
          invoice: state.invoice.id,
          level: level as 1 | 2 | 3,
        }
      : undefined;
  const letter: ReminderLetterSpec = {
    kind: "reminder-letter",
    lang,
    customer: customer.name,
    subject: words.subject,
    text: words.text,
    level,
  };
  const queued = await enqueueMail(ctx.store, {
    orgId: ctx.org.id,
    to: customer.email ?? "",
    subject: words.subject,
    text: words.text,
    html: words.html,
    dedupKey: reminderDedupKey(state.invoice.id, level),
    onSent: fact ? JSON.stringify(fact) : null,
    attachments:
      level >= 1
        ? [
            {
              filename: `${FILE_NAMES[lang][level]}-${state.invoice.id.replace(/[^\w.-]+/g, "-")}.pdf`,
              contentType: "application/pdf",
              render: { ...letter },
            },
          ]
        : [],
  });
  return queued.id;
}
