import { ClvInputError } from "./clv-errors.ts";

export interface Transaction {
  customer: string;
  /** Epoch milliseconds, UTC. */
  at: number;
  /** Spend in any consistent unit (Comptoir passes integer minor units). */
  amount: number;
}

/** One customer's calibration-period summary, times in weeks. */
export interface CustomerSummary {
  customer: string;
  /** Repeat purchases: distinct purchase days − 1. */
  x: number;
  /** Weeks from the first to the last purchase day (0 when x = 0). */
  t_x: number;
  /** Weeks from the first purchase day to the calibration end day. */
  T: number;
  /** Mean spend per repeat purchase day (same-day purchases summed first); 0 when x = 0. */
  monetary: number;
}

export const DAY_MS = 86_400_000;
const DAYS_PER_WEEK = 7;

/** The UTC day number of an instant (days since 1970-01-01). */
export const utcDay = (at: number): number => Math.floor(at / DAY_MS);

/**
 * Summarises transactions for BG/NBD and Gamma-Gamma, one purchase per customer per UTC day.
 * The calibration period ends with the whole UTC day containing `calibrationEnd`: purchases
 * on that day count, and T is measured to the start of that day, so midnight and
 * 23:59:59.999 give the same result (the CDNOW files measure T this way: a customer first
 * seen on 1997-01-01 has T = 272 / 7 = 38.86 weeks at the 1997-09-30 cutoff). Customers whose
 * first purchase is after the calibration end are left out. Rows come in order of each
 * customer's first transaction in the input.
 * @example summarizeTransactions([{customer: "c1", at: Date.UTC(2024, 0, 1), amount: 10}], Date.UTC(2024, 0, 15))
 *   // [{customer: "c1", x: 0, t_x: 0, T: 2, monetary: 0}]
 */
export function summarizeTransactions(
  tx: readonly Transaction[],
  calibrationEnd: number,
): CustomerSummary[] {
  if (!Number.isFinite(calibrationEnd))
    throw new ClvInputError("calibrationEnd", "must be a finite instant");
  const endDay = utcDay(calibrationEnd);
  const byCustomer = new Map<string, Map<number, number>>();
  for (let i = 0; i < tx.length; i++) {
    const { customer, at, amount } = tx[i];
    if (typeof customer !== "string" || customer === "") {
      throw new ClvInputError(`tx[${i}].customer`, "must be a non-empty string");
    }
    if (!Number.isFinite(at)) throw new ClvInputError(`tx[${i}].at`, "must be a finite instant");
    if (!Number.isFinite(amount))
      throw new ClvInputError(`tx[${i}].amount`, "must be a finite number");
    const day = utcDay(at);
    if (day > endDay) continue;
    let days = byCustomer.get(customer);
    if (!days) {
      days = new Map();
      byCustomer.set(customer, days);
    }
    days.set(day, (days.get(day) ?? 0) + amount);
  }
  const rows: CustomerSummary[] = [];
  for (const [customer, days] of byCustomer) {
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    let total = 0;
    for (const [day, amount] of days) {
      if (day < first) first = day;
      if (day > last) last = day;
      total += amount;
    }
    const x = days.size - 1;
    const firstAmount = days.get(first) ?? 0;
    rows.push({
      customer,
      x,
      t_x: (last - first) / DAYS_PER_WEEK,
      T: (endDay - first) / DAYS_PER_WEEK,
      monetary: x > 0 ? (total - firstAmount) / x : 0,
    });
  }
  return rows;
}
