/**
 * The portfolio view (spec section 5) from the same pass as computeScorecards, without making
 * the scorecards: each customer's segment, revenue and margin are all it reads, so neither
 * the organization-level signals' messages nor 100,000 scorecards are made.
 */
import type { Charter } from "../../domain/charter.ts";
import {
  finalSegment,
  type Portfolio,
  portfolio,
  portfolioTotals,
} from "../../domain/scorecard/index.ts";
import { getCharter } from "../../store/charter-repository.ts";
import type { Store } from "../../store/database.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { highValueNetValues } from "./compute-scorecards.ts";
import { assessCustomers } from "./engine/assess-customers.ts";

/**
 * Equal to portfolio(computeScorecards(...).scorecards), sums taken in the same order
 * (customers by id).
 * @example const { view } = await computePortfolio(store, org, { asOf, lang: "fr" })
 */
export async function computePortfolio(
  store: Store,
  org: Organization,
  query: { asOf: number; lang: "fr" | "en" },
): Promise<{ charter: Charter; view: Portfolio }> {
  const charter = await getCharter(store, org.id);
  const ctx = { charter, asOf: query.asOf, lang: query.lang };
  const assessments = [...(await assessCustomers(store, org.id, ctx)).assessments.values()];
  const totals = portfolioTotals(assessments, await highValueNetValues(store, org, charter, query));
  const entries = assessments.map((a) => ({
    customer: a.customer,
    status: a.status,
    segment: finalSegment(a, totals, ctx),
    revenue: a.revenue,
    margin: a.margin,
  }));
  entries.sort((a, b) => (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0));
  return { charter, view: portfolio(entries) };
}
