import type { Assessment } from "./assess-customer.ts";
import { RULES } from "./scoring-rules.ts";

/** What the organization-level signals need from everyone's assessment. */
export interface PortfolioTotals {
  /** Customers that are not prospects. */
  customers: number;
  /** Their revenue over the window, minor units. */
  revenue: number;
  /** How many customers the top 10 % holds: max(1, floor(customers / 10)). */
  topCount: number;
  /**
   * Revenue of the customer at rank `topCount` (highest first): a customer with sales and at
   * least this revenue is high value, ties included. Null when nobody bought anything.
   */
  highValueThreshold: number | null;
  /**
   * What high_value ranks by: `revenue` (spec), or `net_value` when the charter asks for it
   * and the customer-value model could be fitted (then `netValues` holds it, minor units).
   */
  basis: "revenue" | "net_value";
  netValues?: ReadonlyMap<string, number>;
}

/**
 * Sums up the assessments (prospects left out). Keeps only one number per customer while
 * running, so it suits a caller that streamed the customers. With `netValues` (expected net
 * value per customer id, minor units), the high-value threshold is taken over net values
 * instead: customers without one are not ranked, and only a positive net value qualifies.
 * @example portfolioTotals(assessments).highValueThreshold
 */
export function portfolioTotals(
  assessments: Iterable<Assessment>,
  netValues?: ReadonlyMap<string, number>,
): PortfolioTotals {
  const ranked: number[] = [];
  let customers = 0;
  let revenue = 0;
  for (const a of assessments) {
    if (a.status === "prospect") continue;
    customers++;
    revenue += a.revenue;
    if (!netValues) ranked.push(a.revenue);
    else {
      const value = netValues.get(a.customer);
      if (value !== undefined) ranked.push(value);
    }
  }
  // A typed array sorts numerically without a comparator: several times faster at 100,000.
  const ascending = Float64Array.from(ranked).sort();
  return {
    ...rankedTotals(customers, revenue, ascending),
    basis: netValues ? "net_value" : "revenue",
    ...(netValues ? { netValues } : {}),
  };
}

/** The count, revenue and high-value threshold from the ranked values, ascending. */
function rankedTotals(
  customers: number,
  revenue: number,
  ascending: Float64Array,
): Pick<PortfolioTotals, "customers" | "revenue" | "topCount" | "highValueThreshold"> {
  const topCount = Math.max(1, Math.floor((customers * RULES.highValue.topPct) / 100));
  const n = ascending.length;
  const anyPositive = n > 0 && ascending[n - 1] > 0;
  return {
    customers,
    revenue,
    topCount,
    highValueThreshold: anyPositive ? ascending[n - Math.min(topCount, n)] : null,
  };
}

/**
 * The revenue-based totals kept up to date one customer at a time: the revenues stay sorted,
 * so replacing one customer's costs a binary search and a shift instead of a sort of
 * everyone's (at 100,000 customers, some 50 µs instead of 10 ms). Gives the same totals as
 * `portfolioTotals(assessments)`.
 * @example const ranking = new RevenueRanking(assessments); ranking.replace(before, after); ranking.totals()
 */
export class RevenueRanking {
  private values: Float64Array;
  private size = 0;
  private revenue = 0;

  constructor(assessments: Iterable<Assessment>) {
    const revenues: number[] = [];
    for (const a of assessments) if (a.status !== "prospect") revenues.push(a.revenue);
    this.values = Float64Array.from(revenues).sort();
    this.size = revenues.length;
    for (const r of revenues) this.revenue += r;
  }

  /** One customer's assessment changed (undefined: they were not there, or are gone). */
  replace(before: Assessment | undefined, after: Assessment | undefined): void {
    if (before && before.status !== "prospect") this.remove(before.revenue);
    if (after && after.status !== "prospect") this.add(after.revenue);
  }

  totals(): PortfolioTotals {
    return {
      ...rankedTotals(this.size, this.revenue, this.values.subarray(0, this.size)),
      basis: "revenue",
    };
  }

  private add(value: number): void {
    if (this.size === this.values.length) {
      const grown = new Float64Array(Math.max(16, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    const at = this.lowerBound(value);
    this.values.copyWithin(at + 1, at, this.size);
    this.values[at] = value;
    this.size++;
    this.revenue += value;
  }

  private remove(value: number): void {
    const at = this.lowerBound(value);
    if (at >= this.size || this.values[at] !== value) {
      throw new Error(`RevenueRanking: no customer with revenue ${value} to remove`);
    }
    this.values.copyWithin(at, at + 1, this.size);
    this.size--;
    this.revenue -= value;
  }

  /** The first position whose value is not below `value`. */
  private lowerBound(value: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.values[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
