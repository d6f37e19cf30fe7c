/** Rules on invoices and payments: unpaid, late_payer, prompt_payer (spec section 3). */
import { daysBetween } from "./calendar.ts";
import type { InvoiceBalance } from "./invoice-balances.ts";
import { ids, type Rule } from "./rule-context.ts";
import { RULES } from "./scoring-rules.ts";
import { inWindow } from "./scoring-window.ts";

const INVOICE: [string, string] = ["facture", "factures"];
const INVOICE_EN: [string, string] = ["invoice", "invoices"];

/** Invoices still open more than 30 days after their due date; part_ways after a formal notice. */
export const unpaid: Rule = ({ invoices, ledger, asOf, f }) => {
  const open = overdueInvoices(invoices, asOf);
  if (open.length === 0) return undefined;
  const notices = formalNotices(ledger.reminder, new Set(open.map((b) => b.invoice.id)));
  const owed = open.reduce((sum, b) => sum + b.balance, 0);
  const oldest = Math.max(...open.map((b) => daysBetween(b.invoice.due, asOf)));
  const days = RULES.unpaid.graceDays;
  const count = f.count(
    open.length,
    ["facture impayée", "factures impayées"],
    ["invoice still unpaid", "invoices still unpaid"],
  );
  const notice = notices.length
    ? f.say(", malgré une mise en demeure", ", despite a formal notice")
    : "";
  return {
    code: "unpaid",
    evidence: ids(
      open.map((b) => b.invoice),
      open.flatMap((b) => b.payments),
      open.flatMap((b) => b.creditNotes),
      notices,
    ),
    message: f.say(
      `${count} plus de ${days} jours après l'échéance : ${f.money(owed)} restant dus, la plus ancienne échue depuis ${oldest} jours${notice}`,
      `${count} more than ${days} days after the due date: ${f.money(owed)} still owed, the oldest ${oldest} days overdue${notice}`,
    ),
  };
};

/** Invoices with a balance still open more than 30 days after their due date. */
export function overdueInvoices(
  invoices: readonly InvoiceBalance[],
  asOf: number,
): InvoiceBalance[] {
  return invoices.filter(
    (b) => b.balance > 0 && daysBetween(b.invoice.due, asOf) > RULES.unpaid.graceDays,
  );
}

/** Level-3 reminders (formal notices) sent on the given invoices. */
export function formalNotices<R extends { invoice: string; level: number }>(
  reminders: readonly R[],
  invoiceIds: ReadonlySet<string>,
): R[] {
  return reminders.filter(
    (r) => r.level >= RULES.unpaid.formalNoticeLevel && invoiceIds.has(r.invoice),
  );
}

/** At least 2 invoices issued in the window and paid in full more than 7 days late. */
export const latePayer: Rule = ({ invoices, window, f }) => {
  const grace = RULES.latePayer.graceDays;
  const late = invoices.filter(
    (b) =>
      !b.cancelled &&
      inWindow(window, b.invoice.at) &&
      b.paidInFullAt !== undefined &&
      daysBetween(b.invoice.due, b.paidInFullAt) > grace,
  );
  if (late.length < RULES.latePayer.minInvoices) return undefined;
  const worst = Math.max(...late.map((b) => daysBetween(b.invoice.due, b.paidInFullAt ?? 0)));
  return {
    code: "late_payer",
    evidence: ids(
      late.map((b) => b.invoice),
      late.flatMap((b) => b.payments),
      late.flatMap((b) => b.creditNotes),
    ),
    message: f.say(
      `${f.count(late.length, INVOICE, INVOICE_EN)} des ${window.months} derniers mois payées plus de ${grace} jours après l'échéance (jusqu'à ${worst} jours de retard)`,
      `${f.count(late.length, INVOICE, INVOICE_EN)} of the last ${window.months} months paid more than ${grace} days after the due date (up to ${worst} days late)`,
    ),
  };
};

/**
 * At least 3 invoices in the window, all paid in full by their due date. An invoice still
 * open before its due date is not judged yet (the customer may still pay on time), and one
 * that credit notes cancel is not judged at all (late_payer neither).
 */
export const promptPayer: Rule = ({ invoices, window, asOf, f }) => {
  const judged = invoices.filter(
    (b) =>
      !b.cancelled &&
      inWindow(window, b.invoice.at) &&
      (b.paidInFullAt !== undefined || daysBetween(b.invoice.due, asOf) > 0),
  );
  if (judged.length < RULES.promptPayer.minInvoices) return undefined;
  const onTime = (b: (typeof judged)[number]) =>
    b.paidInFullAt !== undefined && daysBetween(b.invoice.due, b.paidInFullAt) <= 0;
  if (!judged.every(onTime)) return undefined;
  return {
    code: "prompt_payer",
    evidence: ids(
      judged.map((b) => b.invoice),
      judged.flatMap((b) => b.payments),
      judged.flatMap((b) => b.creditNotes),
    ),
    message: f.say(
      `Les ${judged.length} factures des ${window.months} derniers mois payées au plus tard à l'échéance`,
      `All ${judged.length} invoices of the last ${window.months} months paid by their due date`,
    ),
  };
};
