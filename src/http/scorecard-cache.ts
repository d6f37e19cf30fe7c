/**
 * Scorecards kept per organization, as-of instant and language, and refreshed cheaply: a
 * new import re-assesses only the customers it touched (ScorecardIndex.refresh); a charter
 * change starts over. A few indexes are kept (LRU). The customer-value fits live beside them
 * (`values`), and feed high_value when the charter ranks it by net value. `warm` builds what an
 * organization's first pages need before anyone asks (src/http/warm-up.ts).
 */

import { netValuesMinor } from "../app/customer-value/compute-customer-values.ts";
import { listCustomers } from "../app/customers/list-customers.ts";
import { NEW_SINCE_DAYS } from "../app/portfolio/get-dashboard.ts";
import type { ScorecardReport } from "../app/scorecards/compute-scorecards.ts";
import { ScorecardIndex } from "../app/scorecards/engine/scorecard-index.ts";
import type { Scorecard } from "../domain/scorecard/index.ts";
import type { CustomerCorrections } from "../store/customer-corrections.ts";
import type { Store } from "../store/database.ts";
import type { Organization } from "../store/organization-repository.ts";
import { ValueCache } from "./value-cache.ts";

export interface CachedReport extends ScorecardReport {
  byCustomer: Map<string, Scorecard>;
  /** The customer corrections at the report's as-of: records, merges, archives. */
  fixes: CustomerCorrections;
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
  private readonly closing = new AbortController();
  /** How many indexes were built (tests check that a warmed one is reused). */
  builds = 0;
  constructor(private readonly store: Store) {
    this.values = new ValueCache(store);
  }

  /**
   * Builds what an organization's first pages need at `asOf`, in its language: the
   * scorecards (customers list, customer page) and their order by name (the list's default),
   * those NEW_SINCE_DAYS earlier (the dashboard's "newly in part ways or renegotiate"), then
   * the value fit, which pages of a large organization do not wait for (value-cache.ts).
   */
  async warm(org: Organization, asOf: number): Promise<void> {
    const lang = org.lang === "en" ? "en" : "fr";
    const report = await this.get(org, asOf, lang);
    // The web app's customers page opens sorted by name: a collator sort of every name, kept.
    listCustomers(report.scorecards, report.charter, "owner", {
      sort: "name",
      dir: "asc",
      page: 1,
      pageSize: 1,
    });
    await this.get(org, asOf - NEW_SINCE_DAYS * 86_400_000, lang);
    await this.values.get(org, asOf, report.charter);
  }

  /** Stops the builds under way (their requests fail): the server is closing. */
  close(): void {
    this.closing.abort(new Error("the server is closing"));
  }

  async get(org: Organization, asOf: number, lang: "fr" | "en"): Promise<CachedReport> {
    const key = `${org.id}|${asOf}|${lang}|${await this.charterVersion(org.id)}`;
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
    } else {
      this.builds++;
      const index = ScorecardIndex.build(this.store, org, {
        asOf,
        lang,
        signal: this.closing.signal,
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
        fixes: index.fixes,
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
