/**
 * The portfolio view (spec section 5) from the same pass as computeScorecards, without making
 * the scorecards: each customer's segment, revenue and margin are all it reads, so neither
 * the organization-level signals' messages nor 100,000 scorecards are made.
 */
import type { Charter } from "../../domain/charter.ts";
import { finalSegment, type Portfolio, portfolio } from "../../domain/scorecard/index.ts";
import type { Store } from "../../store/database.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { assessOrganization, byCustomer } from "./compute-scorecards.ts";

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
  const { charter, ctx, assessments, totals } = await assessOrganization(store, org, query);
  const entries = assessments.map((a) => ({
    customer: a.customer,
    status: a.status,
    segment: finalSegment(a, totals, ctx),
    revenue: a.revenue,
    margin: a.margin,
  }));
  entries.sort(byCustomer);
  return { charter, view: portfolio(entries) };
}
