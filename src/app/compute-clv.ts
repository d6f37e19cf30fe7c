/**
 * Customer value for an organization: BG/NBD on order dates (one transaction per customer per
 * day, weeks), Gamma-Gamma on the spend of repeat customers, then each customer's P(alive),
 * expected orders, CLV over the horizon (monthly discount rate from the charter) and net value
 * (CLV × margin rate − expected cost to serve, from logged minutes and remedies per order).
 */
import type { Charter } from "../domain/charter.ts";
import { pAlive } from "../domain/clv/bg-nbd-predictions.ts";
import { customerLifetimeValue, netValue } from "../domain/clv/customer-lifetime-value.ts";
import { type BgNbdFit, fitBgNbd } from "../domain/clv/fit-bg-nbd.ts";
import { fitGammaGamma, type GammaGammaFit } from "../domain/clv/fit-gamma-gamma.ts";
import { summarizeTransactions } from "../domain/clv/summarize-transactions.ts";
import { applyCorrections } from "../domain/corrections.ts";
import { fromMinor, minorDigits, toMinor } from "../domain/money.ts";
import { getCharter } from "../store/charter-repository.ts";
import type { Store } from "../store/database.ts";
import { streamCustomerFacts } from "../store/fact-repository.ts";
import type { Organization } from "../store/organization-repository.ts";

export interface ClvQuery {
  /** Instant ending the calibration period: orders after it are not used. */
  calibrationEnd: number;
  horizonWeeks: number;
}

export interface CustomerClv {
  customer: string;
  x: number;
  t_x: number;
  T: number;
  p_alive: number;
  expected_orders: number;
  /** Discounted expected spend over the horizon, in currency units. */
  clv: number;
  /** clv × margin rate − expected cost to serve, in currency units. */
  net_value: number;
  /** Expected cost to serve over the horizon (minutes and remedies per order so far). */
  expected_cost_to_serve: number;
}

export interface ClvReport {
  model: { r: number; alpha: number; a: number; b: number; ll: number };
  spend: { p: number; q: number; gamma: number };
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

export async function computeClv(
  store: Store,
  org: Organization,
  query: ClvQuery,
): Promise<ClvReport> {
  const charter = await getCharter(store, org.id);
  const digits = minorDigits(charter.currency);
  const histories = new Map<string, History>();
  for await (const { customer, facts } of streamCustomerFacts(store, org.id, {
    until: query.calibrationEnd,
  })) {
    if (customer.status === "prospect") continue;
    const h: History = { orders: [], revenue: 0, materials: 0, minutes: 0, remedies: 0 };
    for (const f of applyCorrections(facts)) {
      if (f.type === "order") {
        h.orders.push({ at: f.at, amount: fromMinor(f.price, digits) });
        h.revenue += f.price;
        h.materials += f.cost;
      } else if (f.type === "time") h.minutes += f.minutes;
      else if (f.type === "complaint") h.remedies += f.remedy_amount ?? 0;
    }
    if (h.orders.length > 0) histories.set(customer.id, h);
  }
  const tx = [...histories].flatMap(([customer, h]) => h.orders.map((o) => ({ customer, ...o })));
  const rows = summarizeTransactions(tx, query.calibrationEnd);
  const bgNbd: BgNbdFit = fitBgNbd(rows);
  const spend: GammaGammaFit = fitGammaGamma(rows.filter((r) => r.x > 0));
  const model = { bgNbd, spend };
  const customers = rows.map((row) => {
    const h = histories.get(row.customer) as History;
    const value = customerLifetimeValue(model, row, {
      horizonWeeks: query.horizonWeeks,
      discountRatePct: charter.discount_rate_pct,
    });
    const net = netValue({
      clv: value.clv,
      marginRate: h.revenue > 0 ? (h.revenue - h.materials) / h.revenue : 0,
      expectedOrders: value.discountedPurchases,
      ordersSoFar: h.orders.length,
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
      clv: round(value.clv, digits),
      net_value: round(net.netValue, digits),
      expected_cost_to_serve: round(net.expectedCostToServe, digits),
    };
  });
  customers.sort((a, b) => (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0));
  return {
    model: { r: bgNbd.r, alpha: bgNbd.alpha, a: bgNbd.a, b: bgNbd.b, ll: bgNbd.ll },
    spend: { p: spend.p, q: spend.q, gamma: spend.gamma },
    horizon_weeks: query.horizonWeeks,
    calibration_end: new Date(query.calibrationEnd).toISOString(),
    customers,
  };
}

function hourCostUnits(charter: Charter): number {
  const digits = minorDigits(charter.currency);
  return fromMinor(toMinor(charter.hour_cost, digits + 4) ?? 0, digits + 4);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
