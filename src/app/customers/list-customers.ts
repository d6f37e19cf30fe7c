/**
 * One page of the customer list, filtered and sorted in memory over the organization's
 * scorecards (computed once and cached by the caller): fast enough for 100,000 customers.
 * Roles that may not see scorecards get names only, and may not filter or sort by money.
 */
import type { Charter } from "../../domain/charter.ts";
import { AppError } from "../../domain/errors.ts";
import { fromMinor, minorDigits } from "../../domain/money.ts";
import { canSeeScorecards, type Role } from "../../domain/policies.ts";
import type { Scorecard } from "../../domain/scorecard/index.ts";

export interface CustomerListQuery {
  q?: string;
  segment?: string;
  signal?: string;
  sort:
    | "name"
    | "id"
    | "segment"
    | "revenue"
    | "margin"
    | "orders"
    | "outstanding"
    | "outstanding_total";
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
  /** Archived customers are left out, unless `only` (just them) or `include`. */
  archived?: "only" | "include";
}

export interface CustomerListRow {
  id: string;
  name: string;
  segment: Scorecard["segment"];
  signals: string[];
  revenue: number | null;
  margin: number | null;
  orders: number;
  /** Balance of the invoices issued in the window (as in the scorecard). */
  outstanding: number | null;
  /** Balance of every invoice up to the as-of date: what the customer owes. */
  outstanding_total: number | null;
  archived: boolean;
}

const SEGMENT_ORDER = ["part_ways", "renegotiate", "watch", "partner", "steady"];
const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });
const PRIVATE_SORTS = new Set(["segment", "revenue", "margin", "outstanding", "outstanding_total"]);

function compare(sort: CustomerListQuery["sort"]): (a: Scorecard, b: Scorecard) => number {
  const byId = (a: Scorecard, b: Scorecard) =>
    a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0;
  switch (sort) {
    case "name":
      return (a, b) => collator.compare(a.name, b.name) || byId(a, b);
    case "id":
      return byId;
    case "segment": {
      const rank = (c: Scorecard) =>
        c.segment ? SEGMENT_ORDER.indexOf(c.segment) : SEGMENT_ORDER.length;
      return (a, b) => rank(a) - rank(b) || byId(a, b);
    }
    case "outstanding_total":
      return (a, b) => a.outstandingTotal - b.outstandingTotal || byId(a, b);
    default:
      return (a, b) => a[sort] - b[sort] || byId(a, b);
  }
}

/**
 * Views of a list of scorecards (sorted, or sorted and filtered), computed once and kept while
 * that list lives (the cache hands out the same array until something changes): sorting
 * 100,000 names with a collator, or even filtering them, costs far more than a page.
 */
const views = new WeakMap<readonly Scorecard[], Map<string, Scorecard[]>>();
function memo(scorecards: readonly Scorecard[], key: string, make: () => Scorecard[]): Scorecard[] {
  let byKey = views.get(scorecards);
  if (!byKey) {
    byKey = new Map();
    views.set(scorecards, byKey);
  }
  let list = byKey.get(key);
  if (!list) {
    list = make();
    // A bounded number of views per list: drop the oldest beyond that.
    if (byKey.size >= 64) byKey.delete(byKey.keys().next().value as string);
    byKey.set(key, list);
  }
  return list;
}

function sortedBy(
  scorecards: readonly Scorecard[],
  sort: CustomerListQuery["sort"],
  dir: CustomerListQuery["dir"],
): Scorecard[] {
  return memo(scorecards, `sorted:${sort}:${dir}`, () => {
    const order = compare(sort);
    const sign = dir === "desc" ? -1 : 1;
    const sorted = [...scorecards].sort((a, b) => sign * order(a, b));
    segmentGroups(sorted);
    return sorted;
  });
}

/**
 * A sorted view's scorecards by segment ("prospect" for none), in its order, made with the
 * view: the first filter by segment is then free, instead of a walk over 100,000 scorecards
 * scattered in memory (about 120 ms) on the first request that asks for it.
 */
const groups = new WeakMap<readonly Scorecard[], Map<string, Scorecard[]>>();
function segmentGroups(sorted: readonly Scorecard[]): Map<string, Scorecard[]> {
  let bySegment = groups.get(sorted);
  if (!bySegment) {
    bySegment = new Map();
    for (const c of sorted) {
      const key = c.segment ?? "prospect";
      const list = bySegment.get(key);
      if (list) list.push(c);
      else bySegment.set(key, [c]);
    }
    groups.set(sorted, bySegment);
  }
  return bySegment;
}

/** Lower case without accents: "emile" finds « Émile ». */
const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * The folded names and ids of a sorted view, in its order, computed once per view: a search
 * reads 100,000 of them. The last few searches are kept too (paging through one is free).
 */
const foldedViews = new WeakMap<readonly Scorecard[], { names: string[]; ids: string[] }>();
const searches = new WeakMap<readonly Scorecard[], Map<string, Scorecard[]>>();
function search(
  view: readonly Scorecard[],
  needle: string,
  key: string,
  keep: (c: Scorecard) => boolean,
): Scorecard[] {
  let kept = searches.get(view);
  if (!kept) {
    kept = new Map();
    searches.set(view, kept);
  }
  const known = kept.get(key);
  if (known) return known;
  let folded = foldedViews.get(view);
  if (!folded) {
    folded = { names: view.map((c) => fold(c.name)), ids: view.map((c) => fold(c.customer)) };
    foldedViews.set(view, folded);
  }
  const found: Scorecard[] = [];
  for (let i = 0; i < view.length; i++) {
    const c = view[i] as Scorecard;
    if (
      ((folded.names[i] as string).includes(needle) ||
        (folded.ids[i] as string).includes(needle)) &&
      keep(c)
    ) {
      found.push(c);
    }
  }
  if (kept.size >= 16) kept.delete(kept.keys().next().value as string);
  kept.set(key, found);
  return found;
}

/**
 * The scorecards of the customers the list shows: archived ones left out (docs/customers.md),
 * or only them. The same array while none is archived, and one kept per list otherwise, so
 * that the sorted views below stay cached.
 */
const archiveViews = new WeakMap<readonly Scorecard[], Map<string, Scorecard[]>>();
function shownOnes(
  scorecards: readonly Scorecard[],
  archived: CustomerListQuery["archived"],
): readonly Scorecard[] {
  if (archived === "include") return scorecards;
  let kept = archiveViews.get(scorecards);
  if (!kept) {
    kept = new Map();
    const some = scorecards.some((c) => c.archived);
    kept.set("hide", some ? scorecards.filter((c) => !c.archived) : (scorecards as Scorecard[]));
    kept.set("only", some ? scorecards.filter((c) => c.archived) : []);
    archiveViews.set(scorecards, kept);
  }
  return kept.get(archived ?? "hide") as Scorecard[];
}

/** @example listCustomers(cards, charter, "manager", { sort: "revenue", dir: "desc", page: 1, pageSize: 50 }) */
export function listCustomers(
  all: readonly Scorecard[],
  charter: Charter,
  role: Role,
  query: CustomerListQuery,
): { total: number; items: CustomerListRow[] } {
  const full = canSeeScorecards(role);
  if (!full && (query.segment || query.signal || PRIVATE_SORTS.has(query.sort))) {
    const field = query.segment ? "segment" : query.signal ? "signal" : "sort";
    throw new AppError(
      "FORBIDDEN",
      `${field}: role ${role} may not see segments, signals or money`,
    );
  }
  const scorecards = shownOnes(all, query.archived);
  const needle = query.q ? fold(query.q.trim()) : undefined;
  const keep = (c: Scorecard) =>
    (!query.segment ||
      (query.segment === "prospect" ? c.segment === null : c.segment === query.segment)) &&
    (!query.signal || c.signals.some((s) => s.code === query.signal));
  // Filtering keeps the order, so filter the list sorted once (the order is total: ids break
  // ties); without a search text, the filtered list is kept too (paging through it is then free).
  const filters = `${query.sort}:${query.dir}:${query.segment ?? ""}:${query.signal ?? ""}`;
  const matches = needle
    ? search(sortedBy(scorecards, query.sort, query.dir), needle, `${filters}:${needle}`, keep)
    : memo(scorecards, filters, () => {
        const sorted = sortedBy(scorecards, query.sort, query.dir);
        return query.segment && !query.signal
          ? (segmentGroups(sorted).get(query.segment) ?? [])
          : sorted.filter(keep);
      });
  const start = (query.page - 1) * query.pageSize;
  const digits = minorDigits(charter.currency);
  const money = (n: number) => (full ? fromMinor(n, digits) : null);
  const items = matches.slice(start, start + query.pageSize).map((c) => ({
    id: c.customer,
    name: c.name,
    segment: full ? c.segment : null,
    signals: full ? c.signals.map((s) => s.code) : [],
    revenue: money(c.revenue),
    margin: money(c.margin),
    orders: c.orders,
    outstanding: money(c.outstanding),
    outstanding_total: money(c.outstandingTotal),
    archived: c.archived,
  }));
  return { total: matches.length, items };
}
