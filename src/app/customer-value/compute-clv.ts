/**
 * Customer value for an organization: BG/NBD on order dates (one transaction per customer per
 * day, weeks), Gamma-Gamma on the spend of repeat customers, then each customer's P(alive),
 * expected orders, CLV over the horizon (monthly discount rate from the charter) and net value
 * (CLV × margin rate − expected cost to serve, from logged minutes and remedies per purchase
 * day, the unit of the expected orders).
 *
 * When the spend model cannot be fitted (too few repeat customers, no spread, or a fit whose
 * mean spend is infinite, q ≤ 1), each customer's expected spend per order is their own
 * observed mean order value shrunk toward the organization's (`spend_model: "observed-mean"`,
 * docs/clv.md). When BG/NBD cannot be fitted, a ClvInsufficientDataError is thrown.
 */
import type { Charter } from "../../domain/charter.ts";
import { pAlive } from "../../domain/clv/bg-nbd-predictions.ts";
import { ClvInsufficientDataError } from "../../domain/clv/clv-errors.ts";
import { customerLifetimeValue, netValue } from "../../domain/clv/customer-lifetime-value.ts";
import { type BgNbdFit, fitBgNbd } from "../../domain/clv/fit-bg-nbd.ts";
import { fitGammaGamma, type GammaGammaFit } from "../../domain/clv/fit-gamma-gamma.ts";
import {
  type CustomerSummary,
  summarizeTransactions,
} from "../../domain/clv/summarize-transactions.ts";
import { applyCorrections } from "../../domain/corrections.ts";
import { fromMinor, minorDigits, toMinor } from "../../domain/money.ts";
import { getCharter } from "../../store/charter-repository.ts";
import { customerCorrections } from "../../store/customer-corrections.ts";
import type { Store } from "../../store/database.ts";
import { streamCustomerFacts } from "../../store/fact-repository.ts";
import type { Organization } from "../../store/organization-repository.ts";

export interface ClvQuery {
  /** Instant ending the calibration period: orders after it are not used. */
  calibrationEnd: number;
  horizonWeeks: number;
  /** Use this charter instead of the stored one (a charter preview). */
  charter?: Charter;
}

export type SpendModel = "gamma-gamma" | "observed-mean";

/**
 * Weight of the organization's mean order value in the observed-mean fallback, counted in
 * orders: a customer's expected spend per order is (their spend + K × org mean) / (days + K).
 */
export const OBSERVED_MEAN_PRIOR_ORDERS = 2;

export interface CustomerClv {
  customer: string;
  x: number;
  t_x: number;
  T: number;
  p_alive: number;
  expected_orders: number;
  /** Expected spend per future order, in currency units (Gamma-Gamma or observed mean). */
  spend_per_order: number;
  /** Discounted expected spend over the horizon, in currency units. */
  clv: number;
  /** clv × margin rate − expected cost to serve, in currency units. */
  net_value: number;
  /**
   * Expected cost to serve over the horizon: the cost so far (minutes × hour cost + remedies)
   * per purchase day so far, times the discounted expected purchase days.
   */
  expected_cost_to_serve: number;
}

export interface ClvReport {
  model: { r: number; alpha: number; a: number; b: number; ll: number; converged: boolean };
  /** The Gamma-Gamma parameters; null when the fallback was used (see `spend_model`). */
  spend: { p: number; q: number; gamma: number } | null;
  spend_model: SpendModel;
  /** Why the spend model could not be used (null with Gamma-Gamma). */
  spend_fallback: { reason: string; message: string } | null;
  horizon_weeks: number;
  calibration_end: string;
  customers: CustomerClv[];
}

interface History {
  orders: { at: number; amount: number }[];
  revenue: number;
  materials: number;
  minutes: number;
  remedies: number;
}

/** A Gamma-Gamma parameter set whose expected spend is exactly 1 for monetary = 1, any x. */
const UNIT_SPEND = { p: 1, q: 2, gamma: 1 };

export async function computeClv(
  store: Store,
  org: Organization,
  query: ClvQuery,
): Promise<ClvReport> {
  const charter = query.charter ?? (await getCharter(store, org.id));
  const digits = minorDigits(charter.currency);
  const histories = await loadHistories(store, org, query.calibrationEnd, digits);
  const tx = [...histories].flatMap(([customer, h]) => h.orders.map((o) => ({ customer, ...o })));
  const rows = summarizeTransactions(tx, query.calibrationEnd);
  const bgNbd: BgNbdFit = fitBgNbd(rows);
  const spend = fitSpend(rows);
  const spendPerOrder = spend.fit
    ? undefined
    : observedMeanSpend(rows, histories, OBSERVED_MEAN_PRIOR_ORDERS);
  const customers = rows.map((row) => {
    const h = histories.get(row.customer) as History;
    // With the fallback, the discounting runs with a spend of 1 and is scaled afterwards.
    const value = customerLifetimeValue(
      spend.fit ? { bgNbd, spend: spend.fit } : { bgNbd, spend: UNIT_SPEND },
      spend.fit ? row : { ...row, monetary: 1 },
      { horizonWeeks: query.horizonWeeks, discountRatePct: charter.discount_rate_pct },
    );
    const perOrder = spendPerOrder?.get(row.customer) ?? value.expectedSpend;
    const clv = spend.fit ? value.clv : value.discountedPurchases * perOrder;
    const net = netValue({
      clv,
      marginRate: h.revenue > 0 ? (h.revenue - h.materials) / h.revenue : 0,
      // Both in purchase days (one per customer per day), the unit of BG/NBD's expectation.
      expectedPurchases: value.discountedPurchases,
      purchaseDaysSoFar: row.x + 1,
      minutesSoFar: h.minutes,
      hourCost: hourCostUnits(charter),
      remediesSoFar: fromMinor(h.remedies, digits),
    });
    return {
      customer: row.customer,
      x: row.x,
      t_x: round(row.t_x, 4),
      T: round(row.T, 4),
      p_alive: round(pAlive(bgNbd, row.x, row.t_x, row.T), 6),
      expected_orders: round(value.expectedPurchases, 6),
      spend_per_order: round(perOrder, digits),
      clv: round(clv, digits),
      net_value: round(net.netValue, digits),
      expected_cost_to_serve: round(net.expectedCostToServe, digits),
    };
  });
  customers.sort((a, b) => (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0));
  return {
    model: {
      r: bgNbd.r,
      alpha: bgNbd.alpha,
      a: bgNbd.a,
      b: bgNbd.b,
      ll: bgNbd.ll,
      converged: bgNbd.converged,
    },
    spend: spend.fit ? { p: spend.fit.p, q: spend.fit.q, gamma: spend.fit.gamma } : null,
    spend_model: spend.fit ? "gamma-gamma" : "observed-mean",
    spend_fallback: spend.fallback ?? null,
    horizon_weeks: query.horizonWeeks,
    calibration_end: new Date(query.calibrationEnd).toISOString(),
    customers,
  };
}

async function loadHistories(
  store: Store,
  org: Organization,
  until: number,
  digits: number,
): Promise<Map<string, History>> {
  const histories = new Map<string, History>();
  const fixes = await customerCorrections(store, org.id, until);
  const stream = streamCustomerFacts(store, org.id, { until, corrections: fixes });
  // A customer merged into another (docs/customers.md) buys as that one: its orders join hers.
  const merged = new Map<string, History>();
  for await (const { customer, facts } of stream) {
    if (fixes.mergedInto(customer.id) === undefined && customer.status === "prospect") continue;
    const h: History = { orders: [], revenue: 0, materials: 0, minutes: 0, remedies: 0 };
    for (const f of applyCorrections(facts)) {
      if (f.type === "order") {
        h.orders.push({ at: f.at, amount: fromMinor(f.price, digits) });
        h.revenue += f.price;
        h.materials += f.cost;
      } else if (f.type === "time") h.minutes += f.minutes;
      else if (f.type === "complaint") h.remedies += f.remedy_amount ?? 0;
    }
    if (fixes.mergedInto(customer.id) !== undefined) merged.set(customer.id, h);
    else if (h.orders.length > 0) histories.set(customer.id, h);
  }
  for (const [id, h] of merged) {
    const into = fixes.mergedInto(id) as string;
    const kept = histories.get(into);
    if (h.orders.length === 0) continue;
    if (!kept) {
      // The kept customer had no orders of its own (or is a prospect): it has these now.
      histories.set(into, h);
      continue;
    }
    kept.orders.push(...h.orders);
    kept.orders.sort((a, b) => a.at - b.at);
    kept.revenue += h.revenue;
    kept.materials += h.materials;
    kept.minutes += h.minutes;
    kept.remedies += h.remedies;
  }
  return histories;
}

/**
 * Gamma-Gamma on the repeat customers, or why it cannot be used: too few repeaters, no
 * spread, no convergence, or q ≤ 1 (an infinite mean spend for a new customer).
 */
function fitSpend(rows: readonly CustomerSummary[]): {
  fit?: GammaGammaFit;
  fallback?: { reason: string; message: string };
} {
  try {
    const fit = fitGammaGamma(rows.filter((r) => r.x > 0));
    if (!(fit.q > 1)) {
      return {
        fallback: {
          reason: "mean_spend_undefined",
          message: `the fitted spend model has q = ${fit.q.toFixed(3)} <= 1: its mean spend is infinite`,
        },
      };
    }
    if (!fit.converged) {
      return {
        fallback: { reason: "no_convergence", message: "the spend model did not converge" },
      };
    }
    return { fit };
  } catch (error) {
    if (error instanceof ClvInsufficientDataError) {
      return { fallback: { reason: error.reason, message: error.message } };
    }
    throw error;
  }
}

/**
 * The fallback spend model: each customer's mean spend per purchase day (same-day orders
 * summed, the first day included), shrunk toward the organization's mean spend per purchase
 * day as if that mean had been observed on `priorOrders` more days. Never negative.
 */
export function observedMeanSpend(
  rows: readonly CustomerSummary[],
  histories: ReadonlyMap<string, { orders: readonly { amount: number }[] }>,
  priorOrders: number,
): Map<string, number> {
  const totals = new Map<string, number>();
  let spend = 0;
  let days = 0;
  for (const row of rows) {
    const total = Math.max(
      0,
      (histories.get(row.customer)?.orders ?? []).reduce((s, o) => s + o.amount, 0),
    );
    totals.set(row.customer, total);
    spend += total;
    days += row.x + 1;
  }
  const orgMean = days > 0 ? spend / days : 0;
  const result = new Map<string, number>();
  for (const row of rows) {
    const total = totals.get(row.customer) ?? 0;
    result.set(row.customer, (total + priorOrders * orgMean) / (row.x + 1 + priorOrders));
  }
  return result;
}

function hourCostUnits(charter: Charter): number {
  const digits = minorDigits(charter.currency);
  return fromMinor(toMinor(charter.hour_cost, digits + 4) ?? 0, digits + 4);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
