/**
 * Scorecards for an organization: one streaming pass over its facts ordered by customer
 * (a large SQLite organization's shared with a worker thread, engine/assess-customers.ts),
 * keeping one small assessment per customer, then the organization-level step
 * (concentration, high value) and the segment. Never one query per customer.
 */
import type { Charter } from "../../domain/charter.ts";
import {
  type Assessment,
  finalizeScorecard,
  type PortfolioTotals,
  portfolioTotals,
  type Scorecard,
  type ScoringContext,
} from "../../domain/scorecard/index.ts";
import { getCharter } from "../../store/charter-repository.ts";
import type { Store } from "../../store/database.ts";
import type { Organization } from "../../store/organization-repository.ts";
import {
  computeCustomerValues,
  netValuesMinor,
} from "../customer-value/compute-customer-values.ts";
import { assessCustomers } from "./engine/assess-customers.ts";

export interface ScorecardQuery {
  asOf: number;
  lang: "fr" | "en";
  /** Only this customer's scorecard (the organization totals still use everyone). */
  customer?: string;
  /** Score with this charter instead of the stored one (the charter preview). */
  charter?: Charter;
}

export interface ScorecardReport {
  charter: Charter;
  scorecards: Scorecard[];
}

export async function computeScorecards(
  store: Store,
  org: Organization,
  query: ScorecardQuery,
): Promise<ScorecardReport> {
  const { charter, ctx, assessments, totals } = await assessOrganization(store, org, query);
  const wanted =
    query.customer === undefined
      ? assessments
      : assessments.filter((a) => a.customer === query.customer);
  const scorecards = wanted.map((a) => finalizeScorecard(a, totals, ctx));
  scorecards.sort(byCustomer);
  return { charter, scorecards };
}

/**
 * The pass both computeScorecards and computePortfolio start from: every customer's
 * assessment and the organization's totals (concentration, high value).
 */
export async function assessOrganization(
  store: Store,
  org: Organization,
  query: { asOf: number; lang: "fr" | "en"; charter?: Charter },
): Promise<{
  charter: Charter;
  ctx: ScoringContext;
  assessments: Assessment[];
  totals: PortfolioTotals;
}> {
  const charter = query.charter ?? (await getCharter(store, org.id));
  const ctx = { charter, asOf: query.asOf, lang: query.lang };
  const assessments = [...(await assessCustomers(store, org.id, ctx)).assessments.values()];
  const totals = portfolioTotals(assessments, await highValueNetValues(store, org, charter, query));
  return { charter, ctx, assessments, totals };
}

/** Customer id order, as the spec's JSON lists them. */
export const byCustomer = (a: { customer: string }, b: { customer: string }) =>
  a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0;

/**
 * With the charter's `high_value_basis: "net_value"`, the expected net values that rank
 * high_value (minor units); undefined (rank by revenue) otherwise or when no fit exists.
 */
export async function highValueNetValues(
  store: Store,
  org: Organization,
  charter: Charter,
  options: { asOf: number },
): Promise<ReadonlyMap<string, number> | undefined> {
  if (charter.high_value_basis !== "net_value") return undefined;
  const values = await computeCustomerValues(store, org, { asOf: options.asOf, charter });
  return netValuesMinor(values, charter.currency);
}
