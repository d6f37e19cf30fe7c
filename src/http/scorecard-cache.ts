/**
 * Scorecards kept per organization, as-of instant and language, and refreshed cheaply: a
 * new import re-assesses only the customers it touched (ScorecardIndex.refresh); a charter
 * change starts over. A few indexes are kept (LRU). The customer-value fits live beside them
 * (`values`), and feed high_value when the charter ranks it by net value.
 */

import { netValuesMinor } from "../app/compute-customer-values.ts";
import type { ScorecardReport } from "../app/compute-scorecards.ts";
import { ScorecardIndex } from "../app/scorecard-index.ts";
import type { Scorecard } from "../domain/scorecard/index.ts";
import type { Store } from "../store/database.ts";
import type { Organization } from "../store/organization-repository.ts";
import { ValueCache } from "./value-cache.ts";

export interface CachedReport extends ScorecardReport {
  byCustomer: Map<string, Scorecard>;
}

const MAX_ENTRIES = 8;

interface Entry {
  index: Promise<ScorecardIndex>;
  report?: CachedReport;
}

export class ScorecardCache {
  private readonly entries = new Map<string, Entry>();
  /** Customer-value fits per organization, as-of instant, facts and charter. */
  readonly values: ValueCache;
  constructor(private readonly store: Store) {
    this.values = new ValueCache(store);
  }

  async get(org: Organization, asOf: number, lang: "fr" | "en"): Promise<CachedReport> {
    const key = `${org.id}|${asOf}|${lang}|${await this.charterVersion(org.id)}`;
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
    } else {
      const index = ScorecardIndex.build(this.store, org, {
        asOf,
        lang,
        netValues: async (charter) =>
          netValuesMinor(await this.values.get(org, asOf, charter), charter.currency),
      });
      entry = { index };
      // A failed computation is not kept.
      index.catch(() => this.entries.delete(key));
    }
    this.entries.set(key, entry);
    while (this.entries.size > MAX_ENTRIES) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    const index = await entry.index;
    const touched = await index.refresh();
    if (!entry.report || touched.length > 0) {
      const scorecards = index.all();
      entry.report = {
        charter: index.charter,
        scorecards,
        byCustomer: new Map(scorecards.map((c) => [c.customer, c])),
      };
    }
    return entry.report;
  }

  private async charterVersion(orgId: string): Promise<string> {
    const charter = await this.store.db
      .selectFrom("charters")
      .select("updated_at")
      .where("org_id", "=", orgId)
      .executeTakeFirst();
    return charter?.updated_at ?? "";
  }
}
