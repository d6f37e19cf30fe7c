/**
 * All of an organization's scorecards for one as-of instant, kept up to date cheaply: built by
 * one streaming pass, then `refresh()` re-assesses only the customers whose facts arrived since
 * (facts are append-only, so "since" is "seq greater than the last one seen"). Reading one
 * customer's scorecard after one new fact costs a few indexed queries: the revenue ranking
 * behind the totals is updated for that customer alone, never re-sorted for everyone.
 */
import type { Charter } from "../../../domain/charter.ts";
import {
  type Assessment,
  assessCustomer,
  finalizeScorecard,
  type PortfolioTotals,
  portfolioTotals,
  RevenueRanking,
  type Scorecard,
  type ScoringContext,
} from "../../../domain/scorecard/index.ts";
import { getCharter } from "../../../store/charter-repository.ts";
import {
  type CustomerCorrections,
  correctionsAmong,
  customerCorrections,
} from "../../../store/customer-corrections.ts";
import type { Store } from "../../../store/database.ts";
import { customersTouchedSince, lastFactSeq } from "../../../store/fact-repository.ts";
import type { Organization } from "../../../store/organization-repository.ts";
import { highValueNetValues } from "../compute-scorecards.ts";
import { assessCustomers, readCustomer } from "./assess-customers.ts";
import type { ParallelOptions } from "./scorecard-parallel.ts";

export interface IndexOptions {
  asOf: number;
  lang: "fr" | "en";
  /** Score with this charter instead of the stored one (the charter preview). */
  charter?: Charter;
  /**
   * Where the net values for `high_value_basis: "net_value"` come from (default: a fresh fit,
   * highValueNetValues); called at build and after every refresh that saw new facts.
   */
  netValues?: (charter: Charter) => Promise<ReadonlyMap<string, number> | undefined>;
  /** Stops the build (it then rejects with the signal's reason): the server is closing. */
  signal?: AbortSignal;
  /**
   * How a large SQLite organization's pass is shared with a worker thread (scorecard-parallel.ts):
   * tests force one thread with `{ minFacts: Infinity }`, or two on a small organization.
   */
  parallel?: Omit<ParallelOptions, "signal">;
}

export class ScorecardIndex {
  private totalsCache: PortfolioTotals | undefined;
  /** The totals on the revenue basis, kept up to date customer by customer (not for net_value). */
  private readonly ranking: RevenueRanking | undefined;

  private constructor(
    private readonly store: Store,
    readonly org: Organization,
    readonly charter: Charter,
    readonly options: IndexOptions,
    private readonly assessments: Map<string, Assessment>,
    private seq: number,
    private netValues: ReadonlyMap<string, number> | undefined,
    /** Ids of the customer facts that correct another, known since the build. */
    private readonly corrections: Set<string>,
    /** The customer corrections (merges, archives) as of the last build or refresh. */
    private fixesNow: CustomerCorrections,
  ) {
    this.ranking =
      charter.high_value_basis === "net_value"
        ? undefined
        : new RevenueRanking(assessments.values());
  }

  static async build(
    store: Store,
    org: Organization,
    options: IndexOptions,
  ): Promise<ScorecardIndex> {
    const charter = options.charter ?? (await getCharter(store, org.id));
    // Read the last seq first: a fact landing during the pass is then re-read by refresh().
    const seq = await lastFactSeq(store, org.id);
    const ctx: ScoringContext = { charter, asOf: options.asOf, lang: options.lang };
    const { assessments, corrections, fixes } = await assessCustomers(store, org.id, ctx, {
      ...options.parallel,
      signal: options.signal,
    });
    // One thread (PostgreSQL, a small organization) read them all before its pass: keep their
    // ids, so that a refresh never reads every customer record (0.2 s for 100,000 customers).
    const noted = new Set(corrections ?? fixes.ids.filter((id) => fixes.rootOf(id) !== undefined));
    const netValues = await loadNetValues(store, org, charter, options);
    return new ScorecardIndex(
      store,
      org,
      charter,
      options,
      assessments,
      seq,
      netValues,
      noted,
      fixes,
    );
  }

  /** The customer corrections known at the index's as-of: records, histories, merges. */
  get fixes(): CustomerCorrections {
    return this.fixesNow;
  }

  /** Re-assesses the customers with facts newer than the last refresh; returns their ids. */
  async refresh(): Promise<string[]> {
    const latest = await lastFactSeq(this.store, this.org.id);
    if (latest === this.seq) return [];
    const touched = await customersTouchedSince(this.store, this.org.id, this.seq);
    const ctx = { charter: this.charter, asOf: this.options.asOf, lang: this.options.lang };
    // A correction of a customer is filed under its own id: among the customers touched.
    for (const id of await correctionsAmong(this.store, this.org.id, touched))
      this.corrections.add(id);
    const fixes = await customerCorrections(this.store, this.org.id, ctx.asOf, {
      among: [...this.corrections],
    });
    // A customer's correction is filed as a customer of its own: re-assess the customer it
    // corrects instead (store/customer-corrections.ts).
    const ids = new Set(touched.map((id) => fixes.rootOf(id) ?? id));
    for (const id of touched) {
      if (fixes.rootOf(id) === undefined) continue;
      this.drop(id);
    }
    // A merge, or its undoing, moves a ledger: the customers it was and is now under too.
    const before = this.fixesNow;
    for (const id of [...ids]) {
      for (const other of [before.mergedInto(id), fixes.mergedInto(id)]) if (other) ids.add(other);
    }
    this.fixesNow = fixes;
    for (const id of ids) {
      if (fixes.mergedInto(id) !== undefined) {
        this.drop(id);
        continue;
      }
      const read = await readCustomer(this.store, this.org.id, id, ctx.asOf, fixes);
      if (!read) continue;
      const before = this.assessments.get(id);
      const after = assessCustomer(read.customer, read.facts, ctx);
      this.assessments.set(id, after);
      // The totals depend on each customer's revenue and status alone.
      if (!before || before.revenue !== after.revenue || before.status !== after.status) {
        this.ranking?.replace(before, after);
        this.totalsCache = undefined;
      }
    }
    this.seq = latest;
    if (this.charter.high_value_basis === "net_value") {
      // The fit uses everyone's orders: any new fact may move every net value.
      this.netValues = await loadNetValues(this.store, this.org, this.charter, this.options);
      this.totalsCache = undefined;
    }
    return touched;
  }

  /** Takes a customer out (a correction, or a customer merged into another). */
  private drop(id: string): void {
    if (!this.assessments.has(id)) return;
    this.ranking?.replace(this.assessments.get(id), undefined);
    this.assessments.delete(id);
    this.totalsCache = undefined;
  }

  private totals(): PortfolioTotals {
    this.totalsCache ??=
      this.ranking?.totals() ?? portfolioTotals(this.assessments.values(), this.netValues);
    return this.totalsCache;
  }

  scorecard(customerId: string): Scorecard | undefined {
    const assessment = this.assessments.get(customerId);
    const ctx = { charter: this.charter, asOf: this.options.asOf, lang: this.options.lang };
    return assessment && finalizeScorecard(assessment, this.totals(), ctx);
  }

  /** Every scorecard, sorted by customer id. */
  all(): Scorecard[] {
    const totals = this.totals();
    const ctx = { charter: this.charter, asOf: this.options.asOf, lang: this.options.lang };
    return byCustomerId(this.assessments).map((a) => finalizeScorecard(a, totals, ctx));
  }
}

/**
 * The assessments in customer id order. A build inserts them in that order already (the
 * facts are read by customer), so the sort is only for a map that refresh() added to.
 */
function byCustomerId(assessments: ReadonlyMap<string, Assessment>): Assessment[] {
  const ids = [...assessments.keys()];
  for (let i = 1; i < ids.length; i++) {
    if ((ids[i - 1] as string) >= (ids[i] as string)) {
      ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return ids.map((id) => assessments.get(id) as Assessment);
    }
  }
  return [...assessments.values()];
}

function loadNetValues(
  store: Store,
  org: Organization,
  charter: Charter,
  options: IndexOptions,
): Promise<ReadonlyMap<string, number> | undefined> {
  if (charter.high_value_basis !== "net_value") return Promise.resolve(undefined);
  return options.netValues
    ? options.netValues(charter)
    : highValueNetValues(store, org, charter, options);
}
