/**
 * The dashboard as the route sends it, computed once per state: by the cached scorecards it
 * comes from (the cache hands out the same array until facts or the charter change), the
 * value fit, the scorecards NEW_SINCE_DAYS earlier and the language. On 100,000 customers one
 * costs a pass over all of them (portfolio, needs attention, the scatter). The warm-up
 * computes it at start (warm-up.ts).
 */
import type { CustomerValues } from "../app/customer-value/compute-customer-values.ts";
import { getDashboard, NEW_SINCE_DAYS } from "../app/portfolio/get-dashboard.ts";
import { AppError } from "../domain/errors.ts";
import { canSeePortfolio, type Role } from "../domain/policies.ts";
import type { Scorecard } from "../domain/scorecard/index.ts";
import type { Organization } from "../store/organization-repository.ts";
import type { ScorecardCache } from "./scorecard-cache.ts";

export type Dashboard = ReturnType<typeof getDashboard>;

interface Computed {
  values: CustomerValues;
  earlier: readonly Scorecard[];
  lang: string;
  dashboard: Dashboard;
}

const computed = new WeakMap<readonly Scorecard[], Computed[]>();

/** @example const d = await dashboardView(deps.cache, org, "manager", parseAsOfParam(undefined), "fr") */
export async function dashboardView(
  cache: ScorecardCache,
  org: Organization,
  role: Role,
  asOf: number,
  lang: "fr" | "en",
): Promise<Dashboard> {
  // As getDashboard says, before any work: a kept dashboard is handed out without it.
  if (!canSeePortfolio(role))
    throw new AppError("FORBIDDEN", `role ${role} may not see the portfolio`);
  const report = await cache.get(org, asOf, lang);
  // A large organization's dashboard does not wait for a fit (value-cache.ts).
  const values = await cache.values.forPage(org, asOf, report.charter, report.scorecards.length);
  const earlier = await cache.get(org, asOf - NEW_SINCE_DAYS * 86_400_000, lang);
  const known = computed.get(report.scorecards) ?? [];
  const hit = known.find(
    (d) => d.values === values && d.earlier === earlier.scorecards && d.lang === lang,
  );
  if (hit) return hit.dashboard;
  const before = new Map(earlier.scorecards.map((c) => [c.customer, c.segment]));
  const dashboard = getDashboard(
    report.scorecards,
    report.charter,
    role,
    asOf,
    { values, lang },
    before,
  );
  computed.set(report.scorecards, [
    { values, earlier: earlier.scorecards, lang, dashboard },
    ...known.slice(0, 3),
  ]);
  return dashboard;
}
