/**
 * Time logged on a customer, by activity, and what it cost at the charter's `hour_cost`
 * (issue 16): "3 h 20 spent chasing this customer, 133 EUR". Pure: the facts come in, already
 * corrected and limited to the window by the caller.
 */
import type { TimeActivity, TimeFact } from "../facts.ts";
import { TIME_ACTIVITIES } from "../facts.ts";
import { toMinor } from "../money.ts";

/** Time the customer does not pay for: it is the relationship's cost, not the work's. */
export const NON_BILLABLE_ACTIVITIES: readonly TimeActivity[] = [
  "chasing",
  "revision",
  "negotiation",
  "complaint",
];

export interface ActivityTime {
  activity: TimeActivity;
  minutes: number;
  /** Minor units of the charter's currency. */
  cost: number;
}

export interface TimeSummary {
  /** Every activity with time logged, in TIME_ACTIVITIES order. */
  activities: ActivityTime[];
  minutes: number;
  cost: number;
  nonBillableMinutes: number;
  nonBillableCost: number;
}

/** The cost of minutes at an hourly cost in currency units, in minor units (rounded once). */
export function timeCost(minutes: number, hourCost: number, digits: number): number {
  const hour = toMinor(hourCost, digits) ?? Math.round(hourCost * 10 ** digits);
  return Math.round((minutes * hour) / 60);
}

/**
 * @example summarizeTime([{activity: "chasing", minutes: 200, ...}], 40, 2).activities[0] // {activity: "chasing", minutes: 200, cost: 13333}
 */
export function summarizeTime(
  facts: readonly Pick<TimeFact, "activity" | "minutes">[],
  hourCost: number,
  digits: number,
): TimeSummary {
  const byActivity = new Map<TimeActivity, number>();
  for (const f of facts) byActivity.set(f.activity, (byActivity.get(f.activity) ?? 0) + f.minutes);
  const activities = TIME_ACTIVITIES.filter((a) => byActivity.has(a)).map((activity) => {
    const minutes = byActivity.get(activity) ?? 0;
    return { activity, minutes, cost: timeCost(minutes, hourCost, digits) };
  });
  const sum = (rows: ActivityTime[], key: "minutes" | "cost") =>
    rows.reduce((total, r) => total + r[key], 0);
  const nonBillable = activities.filter((a) => NON_BILLABLE_ACTIVITIES.includes(a.activity));
  return {
    activities,
    minutes: sum(activities, "minutes"),
    cost: timeCost(sum(activities, "minutes"), hourCost, digits),
    nonBillableMinutes: sum(nonBillable, "minutes"),
    nonBillableCost: timeCost(sum(nonBillable, "minutes"), hourCost, digits),
  };
}

export interface CustomerNonBillable {
  customer: string;
  minutes: number;
  byActivity: Partial<Record<TimeActivity, number>>;
}

/**
 * Customers ranked by non-billable minutes, most first (ties by customer id), customers with
 * none left out; at most `limit`.
 */
export function rankNonBillable(
  facts: readonly Pick<TimeFact, "customer" | "activity" | "minutes">[],
  limit: number,
): CustomerNonBillable[] {
  const rows = new Map<string, CustomerNonBillable>();
  for (const f of facts) {
    if (!NON_BILLABLE_ACTIVITIES.includes(f.activity)) continue;
    const row = rows.get(f.customer) ?? { customer: f.customer, minutes: 0, byActivity: {} };
    row.minutes += f.minutes;
    row.byActivity[f.activity] = (row.byActivity[f.activity] ?? 0) + f.minutes;
    rows.set(f.customer, row);
  }
  return [...rows.values()]
    .sort((a, b) => b.minutes - a.minutes || (a.customer < b.customer ? -1 : 1))
    .slice(0, limit);
}

/**
 * Whole minutes a timer ran, at least one (a timer stopped at once still took a minute), the
 * last minute counted when it is half done.
 * @example timerMinutes(0, 90_000) // 2
 */
export function timerMinutes(startedAt: number, stoppedAt: number): number {
  return Math.max(1, Math.round((stoppedAt - startedAt) / 60_000));
}
