import type { Assessment, ScoringContext } from "./assess-customer.ts";
import { messageFormat } from "./message-format.ts";
import { pickSegment } from "./pick-segment.ts";
import type { PortfolioTotals } from "./portfolio-totals.ts";
import { RULES } from "./scoring-rules.ts";
import type { Segment } from "./segments.ts";
import { type Signal, sortSignals } from "./signal-codes.ts";

/** A customer's scorecard (money in minor units over the window; the CLI shows decimals). */
export interface Scorecard {
  customer: string;
  name: string;
  status: "prospect" | "active";
  /** Null for a prospect. */
  segment: Segment | null;
  signals: Signal[];
  revenue: number;
  margin: number;
  orders: number;
  /** Balance of the invoices issued in the window (spec section 5). */
  outstanding: number;
  /** Balance of every invoice up to the as-of instant: what the customer owes. */
  outstandingTotal: number;
  /** Hidden from lists and pickers (docs/customers.md); scored all the same. */
  archived: boolean;
}

/**
 * Adds the organization-level signals (concentration, high_value) to an assessment and picks
 * its segment. Prospects keep no signals and no segment.
 */
export function finalizeScorecard(
  a: Assessment,
  totals: PortfolioTotals,
  ctx: ScoringContext,
): Scorecard {
  // One object literal, in the key order the scorecards have always had (their JSON): all()
  // builds 100,000 of these, and a spread of a base object costs twice as much.
  if (a.status === "prospect") return card(a, null, []);
  const shared = concentration(a, totals, ctx);
  const high = highValue(a, totals, ctx);
  const signals =
    shared || high
      ? sortSignals([...a.signals, ...(shared ? [shared] : []), ...(high ? [high] : [])])
      : sortSignals(a.signals);
  return card(
    a,
    pickSegment(
      signals.map((s) => s.code),
      a,
    ),
    signals,
  );
}

/**
 * The segment finalizeScorecard gives, without making the scorecard (no messages, no sorted
 * signals): what the portfolio needs of each customer.
 * @example finalSegment(assessment, totals, ctx) // "partner"
 */
export function finalSegment(
  a: Assessment,
  totals: PortfolioTotals,
  ctx: ScoringContext,
): Segment | null {
  if (a.status === "prospect") return null;
  const codes = a.signals.map((s) => s.code);
  if (isConcentrated(a, totals, ctx)) codes.push("concentration");
  if (isHighValue(a, totals)) codes.push("high_value");
  return pickSegment(codes, a);
}

function card(a: Assessment, segment: Segment | null, signals: Signal[]): Scorecard {
  return {
    customer: a.customer,
    name: a.name,
    status: a.status,
    revenue: a.revenue,
    margin: a.margin,
    orders: a.orders,
    outstanding: a.outstanding,
    outstandingTotal: a.outstandingTotal,
    segment,
    signals,
    archived: a.archived,
  };
}

function isConcentrated(a: Assessment, totals: PortfolioTotals, ctx: ScoringContext): boolean {
  const limit = ctx.charter.max_revenue_share_pct;
  return !(totals.revenue <= 0 || a.revenue <= 0 || a.revenue * 100 <= limit * totals.revenue);
}

function isHighValue(a: Assessment, totals: PortfolioTotals): boolean {
  const threshold = totals.highValueThreshold;
  if (threshold === null) return false;
  if (totals.basis === "net_value") {
    const value = totals.netValues?.get(a.customer);
    return !(value === undefined || value <= 0 || value < threshold);
  }
  return !(a.revenue <= 0 || a.revenue < threshold);
}

/** The customer's share of the window's revenue exceeds `max_revenue_share_pct`. */
function concentration(
  a: Assessment,
  totals: PortfolioTotals,
  ctx: ScoringContext,
): Signal | undefined {
  if (!isConcentrated(a, totals, ctx)) return undefined;
  const limit = ctx.charter.max_revenue_share_pct;
  const f = messageFormat(ctx.lang, ctx.charter.currency);
  const share = f.num((a.revenue * 100) / totals.revenue);
  const months = ctx.charter.window_months;
  return {
    code: "concentration",
    evidence: a.windowOrders,
    message: f.say(
      `${share} % du chiffre d'affaires de l'entreprise en ${months} mois (${f.money(a.revenue)} sur ${f.money(totals.revenue)}), au-delà de la limite de ${f.num(limit)} %`,
      `${share}% of the business's revenue in ${months} months (${f.money(a.revenue)} of ${f.money(totals.revenue)}), above the ${f.num(limit)}% limit`,
    ),
  };
}

/**
 * Among the top 10 % of customers by revenue in the window (ties at the threshold included),
 * or by expected net value when the totals were built on net values.
 */
function highValue(
  a: Assessment,
  totals: PortfolioTotals,
  ctx: ScoringContext,
): Signal | undefined {
  const threshold = totals.highValueThreshold;
  if (totals.basis === "net_value") return highNetValue(a, totals, ctx);
  if (threshold === null || !isHighValue(a, totals)) return undefined;
  const f = messageFormat(ctx.lang, ctx.charter.currency);
  const top = RULES.highValue.topPct;
  const months = ctx.charter.window_months;
  return {
    code: "high_value",
    evidence: a.windowOrders,
    message: f.say(
      `Parmi les ${top} % de clients au plus gros chiffre d'affaires en ${months} mois : ${f.money(a.revenue)} (seuil ${f.money(threshold)})`,
      `Among the top ${top}% of customers by revenue in ${months} months: ${f.money(a.revenue)} (threshold ${f.money(threshold)})`,
    ),
  };
}

/** high_value on the charter's `net_value` basis: top 10 % by expected net value over a year. */
function highNetValue(
  a: Assessment,
  totals: PortfolioTotals,
  ctx: ScoringContext,
): Signal | undefined {
  const threshold = totals.highValueThreshold;
  const value = totals.netValues?.get(a.customer);
  if (threshold === null || value === undefined || !isHighValue(a, totals)) return undefined;
  const f = messageFormat(ctx.lang, ctx.charter.currency);
  const top = RULES.highValue.topPct;
  return {
    code: "high_value",
    evidence: a.windowOrders,
    message: f.say(
      `Parmi les ${top} % de clients à la plus forte valeur nette attendue sur un an : ${f.money(value)} (seuil ${f.money(threshold)})`,
      `Among the top ${top}% of customers by expected net value over a year: ${f.money(value)} (threshold ${f.money(threshold)})`,
    ),
  };
}
