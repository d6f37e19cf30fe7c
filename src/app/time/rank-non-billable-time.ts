/**
 * The customers who take the most time the shop is not paid for (chasing, revisions,
 * negotiation, complaints) over the scoring window, with its cost (issue 16's report).
 */
import { applyCorrections } from "../../domain/corrections.ts";
import type { TimeActivity } from "../../domain/facts.ts";
import { minorDigits } from "../../domain/money.ts";
import { scoringWindow } from "../../domain/scorecard/scoring-window.ts";
import { rankNonBillable, timeCost } from "../../domain/time/time-by-activity.ts";
import { getCharter } from "../../store/charter-repository.ts";
import { findCustomer } from "../../store/customer-records.ts";
import type { Store } from "../../store/database.ts";
import { listTimeFacts } from "../../store/timer-repository.ts";

export interface NonBillableRow {
  customer: string;
  name: string;
  minutes: number;
  /** Minor units. */
  cost: number;
  byActivity: Partial<Record<TimeActivity, number>>;
}

export interface NonBillableReport {
  currency: string;
  digits: number;
  hourCost: number;
  window: { start: number; end: number; months: number };
  customers: NonBillableRow[];
}

export async function rankNonBillableTime(
  store: Store,
  orgId: string,
  asOf: number,
  limit = 20,
): Promise<NonBillableReport> {
  const charter = await getCharter(store, orgId);
  const window = scoringWindow(asOf, charter.window_months);
  // Corrections keep their original's `at`: read the window, then apply them.
  const facts = applyCorrections(await listTimeFacts(store, orgId, window.start, window.end));
  const digits = minorDigits(charter.currency);
  const customers: NonBillableRow[] = [];
  for (const row of rankNonBillable(facts, limit)) {
    const record = await findCustomer(store, orgId, row.customer);
    customers.push({
      ...row,
      name: record?.name ?? row.customer,
      cost: timeCost(row.minutes, charter.hour_cost, digits),
    });
  }
  return { currency: charter.currency, digits, hourCost: charter.hour_cost, window, customers };
}
