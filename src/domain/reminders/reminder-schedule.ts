/**
 * When an invoice is chased, and when it is not (issue 16, item 6): a courtesy e-mail before
 * the due date (optional), level 1 friendly at due + 7 days, level 2 firm at + 21, level 3
 * formal notice at + 45, each at least `minGapDays` after the previous one; then the process is
 * manual. Reminders stop by themselves on full payment, on credit notes that settle the
 * balance, while a complaint on the invoice's order is open, and while a pause holds.
 * Pure: the caller reads the ledger, the pauses and the steps already taken.
 */
import type { ComplaintFact, InvoiceFact } from "../facts.ts";

/** 0: the courtesy e-mail before the due date; 1 friendly; 2 firm; 3 formal notice. */
export type ReminderLevel = 0 | 1 | 2 | 3;
export const REMINDER_LEVELS: readonly ReminderLevel[] = [0, 1, 2, 3];

export interface ReminderSchedule {
  /** Days before the due date for the courtesy e-mail; null: none. */
  courtesyDaysBefore: number | null;
  /** Days after the due date for levels 1, 2 and 3. */
  levelDays: [number, number, number];
  /** At least this many days between two reminders of one invoice. */
  minGapDays: number;
}

export const DEFAULT_SCHEDULE: Readonly<ReminderSchedule> = Object.freeze({
  courtesyDaysBefore: null,
  levelDays: [7, 21, 45] as [number, number, number],
  minGapDays: 7,
});

const DAY = 86_400_000;

export interface InvoiceState {
  invoice: InvoiceFact;
  /** Amount minus payments and credit notes (minor units). */
  balance: number;
  /** Sum of the invoice's credit notes (minor units). */
  credited: number;
  /** Reminder levels already sent (ledger facts, imported or from the app) and when. */
  sent: { level: number; at: number }[];
  /** Levels already taken by a run or a person (queued, to confirm, or dismissed) and when. */
  claimed: { level: ReminderLevel; at: number }[];
  /** An open complaint on the invoice's order (or one of its orders). */
  openComplaint?: ComplaintFact;
  /** The pause holding the invoice or its customer, if any. */
  pause?: { until: number; reason: string };
}

export type StopReason = "paid" | "credited" | "complaint" | "paused" | "manual";

export type ReminderDecision =
  | { kind: "due"; level: ReminderLevel; dueAt: number }
  | { kind: "upcoming"; level: ReminderLevel; dueAt: number }
  | { kind: "stopped"; reason: StopReason };

/** An invoice's open complaint: on its order (`order`, or one of `orders`), not resolved. */
export function openComplaintOn(
  invoice: InvoiceFact,
  complaints: readonly ComplaintFact[],
): ComplaintFact | undefined {
  const orders = new Set<string>();
  if (invoice.order) orders.add(invoice.order);
  const extra = (invoice as { extra?: { orders?: unknown } }).extra?.orders;
  if (Array.isArray(extra)) for (const o of extra) if (typeof o === "string") orders.add(o);
  if (orders.size === 0) return undefined;
  return complaints.find((c) => c.order && orders.has(c.order) && c.resolved === undefined);
}

/**
 * The next reminder of an invoice as of `asOf`, or why there is none.
 * @example decideReminder(state, DEFAULT_SCHEDULE, Date.parse("2026-03-10")) // {kind: "due", level: 1, ...}
 */
export function decideReminder(
  state: InvoiceState,
  schedule: ReminderSchedule,
  asOf: number,
): ReminderDecision {
  if (state.balance <= 0) {
    const paid = state.invoice.amount - state.credited - state.balance;
    return {
      kind: "stopped",
      reason: state.credited > 0 && paid < state.invoice.amount ? "credited" : "paid",
    };
  }
  if (state.pause && startOfDay(asOf) <= state.pause.until)
    return { kind: "stopped", reason: "paused" };
  if (state.openComplaint) return { kind: "stopped", reason: "complaint" };
  let highest = 0;
  let last: number | undefined;
  for (const s of [...state.sent, ...state.claimed]) {
    if (s.level > highest) highest = s.level;
    if (s.level >= 1 && (last === undefined || s.at > last)) last = s.at;
  }
  if (highest >= 3) return { kind: "stopped", reason: "manual" };
  const due = startOfDay(state.invoice.due);
  if (highest === 0 && schedule.courtesyDaysBefore !== null && asOf < due) {
    const courtesyTaken = state.claimed.some((c) => c.level === 0);
    if (!courtesyTaken) {
      const dueAt = due - schedule.courtesyDaysBefore * DAY;
      return { kind: asOf >= dueAt ? "due" : "upcoming", level: 0, dueAt };
    }
  }
  const level = (highest + 1) as 1 | 2 | 3;
  let dueAt = due + schedule.levelDays[level - 1] * DAY;
  if (last !== undefined) dueAt = Math.max(dueAt, startOfDay(last) + schedule.minGapDays * DAY);
  return { kind: asOf >= dueAt ? "due" : "upcoming", level, dueAt };
}

/** Midnight UTC of an instant's day: schedules count whole days. */
export function startOfDay(at: number): number {
  return Math.floor(at / DAY) * DAY;
}

/** Checks a schedule an owner sends; the list of `field: reason` problems (empty: fine). */
export function scheduleProblems(s: ReminderSchedule): string[] {
  const problems: string[] = [];
  const [a, b, c] = s.levelDays;
  if (!(a >= 0 && a < b && b < c)) {
    problems.push("levelDays: each level must come after the previous one (for example 7, 21, 45)");
  }
  if (c > 365)
    problems.push("levelDays: the formal notice must come within a year of the due date");
  if (s.courtesyDaysBefore !== null && (s.courtesyDaysBefore < 1 || s.courtesyDaysBefore > 30)) {
    problems.push("courtesyDaysBefore: must be between 1 and 30 days, or none");
  }
  if (s.minGapDays < 1 || s.minGapDays > 60) problems.push("minGapDays: must be between 1 and 60");
  return problems;
}
