import type { Scorecard } from "./finalize-scorecard.ts";
import { SEGMENTS, type Segment } from "./segments.ts";

export interface WhalePoint {
  /** 0 to 100. */
  customers_pct: number;
  /** Cumulative margin of the top customers_pct % of customers, as % of |total margin|. */
  profit_pct: number;
}

/** The portfolio view of spec section 5 (money in minor units; percentages rounded to 0.01). */
export interface Portfolio {
  customers: number;
  revenue: number;
  margin: number;
  /** The largest customer's share of revenue, in percent. */
  top_share_pct: number;
  /** Herfindahl-Hirschman index of revenue shares in percent: 0 to 10 000. */
  hhi: number;
  segments: Record<Segment, number>;
  /** 101 points, customers_pct 0, 1, ..., 100. */
  whale_curve: WhalePoint[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * How many customers the top `pct` % holds, out of `n`: the nearest whole number, halves up.
 * @example customersAtPercentile(50, 3) // 2
 */
export function customersAtPercentile(pct: number, n: number): number {
  return Math.floor((pct * n + 50) / 100);
}

/** What the portfolio reads of a scorecard. */
export type PortfolioEntry = Pick<
  Scorecard,
  "customer" | "status" | "segment" | "revenue" | "margin"
>;

/**
 * Sums up scorecards for the organization. Prospects are not customers: they count nowhere.
 * @example portfolio(scorecards).hhi
 */
export function portfolio(scorecards: Iterable<PortfolioEntry>): Portfolio {
  const cards = [...scorecards].filter((c) => c.status !== "prospect" && c.segment !== null);
  const segments = Object.fromEntries(SEGMENTS.map((s) => [s, 0])) as Record<Segment, number>;
  let revenue = 0;
  let margin = 0;
  for (const card of cards) {
    revenue += card.revenue;
    margin += card.margin;
    if (card.segment) segments[card.segment] += 1;
  }
  let top = 0;
  let hhi = 0;
  if (revenue !== 0) {
    for (const card of cards) {
      const share = (card.revenue * 100) / revenue;
      top = Math.max(top, share);
      hhi += share * share;
    }
  }
  return {
    customers: cards.length,
    revenue,
    margin,
    top_share_pct: round2(top),
    hhi: round2(hhi),
    segments,
    whale_curve: whaleCurve(cards.map((c) => ({ customer: c.customer, margin: c.margin }))),
  };
}

/**
 * Customers ranked by margin, highest first (ties by customer id); at each percentile, the
 * cumulative margin of the top customers as a percentage of the absolute total margin. Ends at
 * 100 when the portfolio makes money, at -100 when it loses money, and stays at 0 when the
 * total is zero.
 */
export function whaleCurve(customers: { customer: string; margin: number }[]): WhalePoint[] {
  const ranked = [...customers].sort(
    (a, b) =>
      b.margin - a.margin || (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0),
  );
  const cumulative = [0];
  for (const c of ranked) cumulative.push(cumulative[cumulative.length - 1] + c.margin);
  const total = Math.abs(cumulative[ranked.length]);
  const points: WhalePoint[] = [];
  for (let pct = 0; pct <= 100; pct++) {
    const upTo = cumulative[customersAtPercentile(pct, ranked.length)];
    points.push({ customers_pct: pct, profit_pct: total === 0 ? 0 : round2((upTo * 100) / total) });
  }
  return points;
}
