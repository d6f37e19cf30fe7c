import { DEFAULT_CHARTER } from "../charter.ts";
import type { BgNbdParams } from "./bg-nbd-likelihood.ts";
import { conditionalExpectedPurchases } from "./bg-nbd-predictions.ts";
import { ClvInputError } from "./clv-errors.ts";
import { conditionalExpectedSpend } from "./conditional-expected-spend.ts";
import type { GammaGammaParams } from "./fit-gamma-gamma.ts";

/** A month of the discounting schedule: 30 days, as in lifetimes' customer_lifetime_value. */
export const WEEKS_PER_MONTH = 30 / 7;

export interface CustomerHistory {
  x: number;
  t_x: number;
  T: number;
  /** Mean spend per repeat purchase (0 when x = 0). */
  monetary: number;
}

export interface ClvOptions {
  horizonWeeks: number;
  /** Monthly discount rate in percent (charter key discount_rate_pct, default 1). */
  discountRatePct?: number;
}

export interface CustomerValue {
  /** Discounted expected spend over the horizon. */
  clv: number;
  /** Expected purchases over the horizon, undiscounted. */
  expectedPurchases: number;
  /** Expected purchases over the horizon, each discounted like the spend (for costs). */
  discountedPurchases: number;
  /** Expected spend per purchase (Gamma-Gamma). */
  expectedSpend: number;
}

/**
 * Customer lifetime value over `horizonWeeks`: expected purchases in each 30-day month
 * (BG/NBD conditional expectation, differenced) × expected spend (Gamma-Gamma), discounted
 * at the monthly rate at the end of each month, as lifetimes does; a final partial month is
 * discounted at its fractional exponent.
 * @example customerLifetimeValue({bgNbd, spend}, {x: 2, t_x: 30.43, T: 38.86, monetary: 22.35}, {horizonWeeks: 52})
 */
export function customerLifetimeValue(
  model: { bgNbd: BgNbdParams; spend: GammaGammaParams },
  customer: CustomerHistory,
  options: ClvOptions,
): CustomerValue {
  const { horizonWeeks, discountRatePct = DEFAULT_CHARTER.discount_rate_pct } = options;
  if (!Number.isFinite(horizonWeeks) || horizonWeeks < 0) {
    throw new ClvInputError("horizonWeeks", "must be a number >= 0");
  }
  if (!Number.isFinite(discountRatePct) || discountRatePct < 0) {
    throw new ClvInputError("discountRatePct", "must be a number >= 0");
  }
  const { x, t_x, T, monetary } = customer;
  const expectedSpend = conditionalExpectedSpend(model.spend, x, monetary);
  const logFactor = Math.log1p(discountRatePct / 100);
  let previous = 0;
  let discountedPurchases = 0;
  const months = Math.ceil(horizonWeeks / WEEKS_PER_MONTH - 1e-12);
  for (let k = 1; k <= months; k++) {
    const t = Math.min(k * WEEKS_PER_MONTH, horizonWeeks);
    const cumulative = conditionalExpectedPurchases(model.bgNbd, t, x, t_x, T);
    discountedPurchases += (cumulative - previous) * Math.exp(-logFactor * (t / WEEKS_PER_MONTH));
    previous = cumulative;
  }
  return {
    clv: expectedSpend * discountedPurchases,
    expectedPurchases: previous,
    discountedPurchases,
    expectedSpend,
  };
}

export interface NetValueInput {
  /** Discounted expected spend (customerLifetimeValue().clv). */
  clv: number;
  /** Share of spend kept after materials, 0..1 (e.g. observed (revenue − materials) / revenue). */
  marginRate: number;
  /**
   * Discounted expected purchases over the same horizon (customerLifetimeValue()
   * .discountedPurchases). BG/NBD counts purchase days: one purchase per customer per day.
   */
  expectedPurchases: number;
  /**
   * Distinct purchase days so far (x + 1), over which the cost to serve is averaged, in the
   * unit of expectedPurchases; 0 means no cost history.
   */
  purchaseDaysSoFar: number;
  /** Minutes logged for the customer so far. */
  minutesSoFar: number;
  /** Cost of an hour, in the same money unit as clv (minor units: toMinor(charter.hour_cost, digits)). */
  hourCost: number;
  /** Remedy amounts paid so far, same unit as clv. */
  remediesSoFar: number;
}

/**
 * Net value = clv × marginRate − expected cost to serve, where the cost to serve per purchase
 * day is what the customer cost so far (minutes × hourCost / 60 + remedies) divided by the
 * purchase days so far, and is expected again on every future purchase day, discounted like
 * the spend. Days, not order records: BG/NBD's expected purchases are days, so two orders
 * brought on one day cost one day's share, not two.
 * @example netValue({clv: 1000, marginRate: 0.6, expectedPurchases: 2, purchaseDaysSoFar: 4, minutesSoFar: 60, hourCost: 40, remediesSoFar: 40})
 *   // {netValue: 560, costPerPurchaseDay: 20, expectedCostToServe: 40}
 */
export function netValue(input: NetValueInput): {
  netValue: number;
  costPerPurchaseDay: number;
  expectedCostToServe: number;
} {
  for (const key of [
    "clv",
    "marginRate",
    "expectedPurchases",
    "purchaseDaysSoFar",
    "minutesSoFar",
    "hourCost",
    "remediesSoFar",
  ] as const) {
    const v = input[key];
    if (!Number.isFinite(v) || (key !== "clv" && key !== "marginRate" && v < 0)) {
      throw new ClvInputError(
        key,
        key === "clv" || key === "marginRate" ? "must be a number" : "must be a number >= 0",
      );
    }
  }
  const costSoFar = (input.minutesSoFar * input.hourCost) / 60 + input.remediesSoFar;
  const costPerPurchaseDay = input.purchaseDaysSoFar > 0 ? costSoFar / input.purchaseDaysSoFar : 0;
  const expectedCostToServe = costPerPurchaseDay * input.expectedPurchases;
  return {
    netValue: input.clv * input.marginRate - expectedCostToServe,
    costPerPurchaseDay,
    expectedCostToServe,
  };
}
