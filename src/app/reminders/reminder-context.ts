/**
 * What every reminder use case reads once: the organization, its currency and penalty rate,
 * the owner's schedule and templates, the pauses in force, and how to turn one customer's
 * facts into the states of its open invoices (balances as the scorecard computes them).
 */
import { applyCorrections } from "../../domain/corrections.ts";
import type { CustomerFact, Fact } from "../../domain/facts.ts";
import {
  type InvoiceState,
  openComplaintOn,
  type ReminderSchedule,
  startOfDay,
} from "../../domain/reminders/reminder-schedule.ts";
import {
  type ReminderTemplates,
  resolveTemplates,
} from "../../domain/reminders/reminder-templates.ts";
import { customerLedger } from "../../domain/scorecard/customer-ledger.ts";
import { invoiceBalances } from "../../domain/scorecard/invoice-balances.ts";
import { getCharterPatch } from "../../store/charter-repository.ts";
import type { Store } from "../../store/database.ts";
import type { Organization } from "../../store/organization-repository.ts";
import {
  activePauses,
  getReminderSettings,
  type ReminderPause,
  type ReminderStep,
} from "../../store/reminder-repository.ts";

export interface ReminderContext {
  store: Store;
  org: Organization;
  asOf: number;
  currency: string;
  penaltyRate?: string;
  schedule: ReminderSchedule;
  templates: ReminderTemplates;
  pauses: ReminderPause[];
}

export async function reminderContext(
  store: Store,
  org: Organization,
  asOf: number,
): Promise<ReminderContext> {
  const patch = (await getCharterPatch(store, org.id)) as Record<string, unknown>;
  const settings = await getReminderSettings(store, org.id);
  const day = new Date(startOfDay(asOf)).toISOString().slice(0, 10);
  return {
    store,
    org,
    asOf,
    currency: typeof patch.currency === "string" ? patch.currency : "EUR",
    penaltyRate: typeof patch.late_penalty_rate === "string" ? patch.late_penalty_rate : undefined,
    schedule: settings.schedule,
    templates: resolveTemplates(settings.templates),
    pauses: await activePauses(store, org.id, day),
  };
}

/** The pause holding an invoice: its own, else its customer's (the later end wins). */
export function pauseFor(
  pauses: readonly ReminderPause[],
  invoice: string,
  customer: string,
): { until: number; reason: string; id: number } | undefined {
  let found: ReminderPause | undefined;
  for (const p of pauses) {
    const hit =
      (p.scope === "invoice" && p.target === invoice) ||
      (p.scope === "customer" && p.target === customer);
    if (hit && (!found || p.until > found.until)) found = p;
  }
  return found && { until: Date.parse(found.until), reason: found.reason, id: found.id };
}

/** The invoices of one customer with a balance still open as of `asOf`, as schedule input. */
export function openInvoiceStates(
  ctx: ReminderContext,
  customer: CustomerFact,
  facts: readonly Fact[],
  steps: ReadonlyMap<string, ReminderStep[]>,
): InvoiceState[] {
  const ledger = customerLedger(customer, applyCorrections(facts), ctx.asOf);
  const out: InvoiceState[] = [];
  for (const b of invoiceBalances(ledger)) {
    if (b.balance <= 0) continue;
    let credited = 0;
    for (const c of b.creditNotes) credited += c.amount;
    out.push({
      invoice: b.invoice,
      balance: b.balance,
      credited,
      sent: ledger.reminder
        .filter((r) => r.invoice === b.invoice.id)
        .map((r) => ({ level: r.level, at: r.at })),
      claimed: (steps.get(b.invoice.id) ?? []).map((s) => ({
        level: s.level,
        at: Date.parse(s.createdAt),
      })),
      openComplaint: openComplaintOn(b.invoice, ledger.complaint),
      pause: pauseFor(ctx.pauses, b.invoice.id, customer.id),
    });
  }
  return out;
}

/** The customer's language for its mails: its own when set, else the organization's. */
export function customerLang(customer: CustomerFact, org: Organization): "fr" | "en" {
  const lang = (customer.lang ?? org.lang ?? "fr").toLowerCase();
  return lang.startsWith("en") ? "en" : "fr";
}
