/**
 * The dashboard (managers and owners): the portfolio view of spec section 5 with money as
 * decimals, the top customer against the charter's limit, who needs attention, and the
 * "value vs. cost to serve" scatter from the customer-value fit (docs/clv.md).
 */
import type { Charter } from "../../domain/charter.ts";
import { AppError } from "../../domain/errors.ts";
import { fromMinor, minorDigits } from "../../domain/money.ts";
import { canSeePortfolio, type Role } from "../../domain/policies.ts";
import { portfolio, type Scorecard, type Segment } from "../../domain/scorecard/index.ts";
import type { CustomerValues } from "../customer-value/compute-customer-values.ts";
import { presentValueScatter } from "../customer-value/present-customer-value.ts";

const ATTENTION: ReadonlySet<Segment | null> = new Set(["part_ways", "renegotiate"]);
const ATTENTION_MAX = 20;
/** "Newly in part ways or renegotiate" compares with the segments this many days earlier. */
export const NEW_SINCE_DAYS = 30;

export function getDashboard(
  scorecards: readonly Scorecard[],
  charter: Charter,
  role: Role,
  asOf: number,
  value: { values: CustomerValues; lang: "fr" | "en" },
  /** Each customer's segment some time before (NEW_SINCE_DAYS): who is new in a segment. */
  before: ReadonlyMap<string, Segment | null> = new Map(),
) {
  if (!canSeePortfolio(role))
    throw new AppError("FORBIDDEN", `role ${role} may not see the portfolio`);
  const view = portfolio(scorecards);
  const digits = minorDigits(charter.currency);
  const customers = scorecards.filter((c) => c.segment !== null);
  const top = customers.reduce<Scorecard | undefined>(
    (best, c) => (!best || c.revenue > best.revenue ? c : best),
    undefined,
  );
  const isNew = (c: Scorecard) => before.get(c.customer) !== c.segment;
  // Newly there first, then part ways before renegotiate, then the most revenue.
  const attention = customers
    .filter((c) => ATTENTION.has(c.segment))
    .sort(
      (a, b) =>
        Number(isNew(b)) - Number(isNew(a)) ||
        (a.segment === b.segment ? b.revenue - a.revenue : a.segment === "part_ways" ? -1 : 1),
    )
    .slice(0, ATTENTION_MAX);
  return {
    asOf: new Date(asOf).toISOString(),
    currency: charter.currency,
    customers: view.customers,
    prospects: scorecards.length - customers.length,
    revenue: fromMinor(view.revenue, digits),
    margin: fromMinor(view.margin, digits),
    marginPct: view.revenue === 0 ? null : Math.round((view.margin * 10_000) / view.revenue) / 100,
    topSharePct: view.top_share_pct,
    maxRevenueSharePct: charter.max_revenue_share_pct,
    topCustomer: top && top.revenue > 0 ? { id: top.customer, name: top.name } : null,
    segments: view.segments,
    whaleCurve: view.whale_curve.map((p) => ({
      customersPct: p.customers_pct,
      profitPct: p.profit_pct,
    })),
    needsAttention: attention.map((c) => ({
      id: c.customer,
      name: c.name,
      segment: c.segment as Segment,
      isNew: isNew(c),
      previousSegment: before.get(c.customer) ?? null,
      signals: c.signals.map((s) => ({
        code: s.code,
        evidence: [...s.evidence],
        message: s.message,
      })),
      revenue: fromMinor(c.revenue, digits),
    })),
    value: presentValueScatter(value.values, scorecards, value.lang),
  };
}
