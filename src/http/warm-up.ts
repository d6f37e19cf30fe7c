/**
 * Warming at start (`serve` turns it on): the scorecards are derived, not stored, and a first
 * pass over a large organization's facts takes seconds (about 10 s for 100,000 customers and
 * 1.3 million facts), so the server starts that pass in the background as soon as it is
 * ready, for the organizations with the most recent facts, instead of on the first page
 * someone opens. The pass reads its facts in chunks and lets the event loop run between them:
 * the server answers meanwhile, and a page that needs the scorecards waits for this same pass
 * rather than starting another. The default as-of instant is the end of the day (UTC), so it
 * runs again just after midnight.
 */
import type { Store } from "../store/database.ts";
import { lastFactSeq } from "../store/fact-repository.ts";
import { listOrganizations } from "../store/organization-repository.ts";
import { parseAsOfParam } from "./as-of.ts";
import { dashboardView } from "./dashboard-view.ts";
import type { ScorecardCache } from "./scorecard-cache.ts";

/** How many organizations are warmed (the cache keeps a few indexes; a page builds the rest). */
export const WARM_ORGANIZATIONS = 2;

export interface WarmUp {
  /** Resolves when the current round is over (tests and the bench wait for it). */
  readonly round: Promise<void>;
  stop(): void;
}

export function startWarmUp(
  store: Store,
  cache: ScorecardCache,
  log: {
    info: (fields: object, message: string) => void;
    error: (fields: object, message: string) => void;
  },
): WarmUp {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const state: { round: Promise<void> } = { round: Promise.resolve() };
  const run = async () => {
    const asOf = parseAsOfParam(undefined);
    const orgs = await listOrganizations(store);
    const seqs = await Promise.all(orgs.map((org) => lastFactSeq(store, org.id)));
    const active = orgs
      .map((org, i) => ({ org, seq: seqs[i] ?? 0 }))
      .filter((o) => o.seq > 0)
      .sort((a, b) => b.seq - a.seq)
      .slice(0, WARM_ORGANIZATIONS);
    for (const { org } of active) {
      if (stopped) return;
      const t0 = performance.now();
      await cache.warm(org, asOf);
      // What the dashboard adds to them (dashboard-view.ts), in the organization's language.
      await dashboardView(cache, org, "owner", asOf, org.lang === "en" ? "en" : "fr");
      log.info({ org: org.slug, ms: Math.round(performance.now() - t0) }, "scorecards warmed");
    }
  };
  const schedule = () => {
    state.round = run()
      .catch((error) => {
        if (!stopped) log.error({ err: error }, "warming the scorecards failed");
      })
      .finally(() => {
        if (stopped) return;
        const now = Date.now();
        const nextDay =
          Date.parse(`${new Date(now).toISOString().slice(0, 10)}T00:00:00Z`) + 86_400_000;
        timer = setTimeout(schedule, nextDay - now + 1000);
        timer.unref();
      });
  };
  schedule();
  return {
    get round() {
      return state.round;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
