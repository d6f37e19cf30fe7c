/**
 * One customer's time over the scoring window, by activity, with its cost at the charter's
 * `hour_cost` (issue 16): what the customer page shows.
 */
import { applyCorrections } from "../../domain/corrections.ts";
import type { TimeFact } from "../../domain/facts.ts";
import { minorDigits } from "../../domain/money.ts";
import { scoringWindow } from "../../domain/scorecard/scoring-window.ts";
import { summarizeTime, type TimeSummary } from "../../domain/time/time-by-activity.ts";
import { getCharter } from "../../store/charter-repository.ts";
import type { Store } from "../../store/database.ts";
import { listCustomerFacts } from "../../store/fact-repository.ts";

export interface CustomerTime extends TimeSummary {
  currency: string;
  /** Digits of the currency's minor unit: costs are minor units. */
  digits: number;
  hourCost: number;
  window: { start: number; end: number; months: number };
}

export async function getCustomerTime(
  store: Store,
  orgId: string,
  customer: string,
  asOf: number,
): Promise<CustomerTime> {
  const charter = await getCharter(store, orgId);
  const window = scoringWindow(asOf, charter.window_months);
  const facts = (await listCustomerFacts(store, orgId, customer)).filter(
    (f): f is TimeFact => f.type === "time" && f.at <= asOf,
  );
  const inWindow = applyCorrections(facts).filter((f) => f.at > window.start);
  const digits = minorDigits(charter.currency);
  return {
    ...summarizeTime(inWindow, charter.hour_cost, digits),
    currency: charter.currency,
    digits,
    hourCost: charter.hour_cost,
    window,
  };
}
