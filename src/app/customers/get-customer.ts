/**
 * One customer as a role sees it: the customer record and a page of the timeline of their
 * facts up to as-of for everyone (newest page first: a customer may have 100,000 facts); the scorecard (segment, signals with their evidence) and the money
 * summary only for roles that may see scorecards, and so is the expected value (`values`, the
 * organization's customer-value fit: docs/clv.md). Another organization's customer is 404.
 * The record is the latest correction's; a merged customer's id leads to the customer it is
 * merged into, whose timeline holds both ledgers and says, in words, what each correction
 * changed (docs/customers.md).
 */
import type { Charter } from "../../domain/charter.ts";
import { describeChange, mergeTarget } from "../../domain/customer-record.ts";
import { AppError } from "../../domain/errors.ts";
import type { CustomerFact, Fact } from "../../domain/facts.ts";
import { fromMinor, minorDigits } from "../../domain/money.ts";
import { canSeeScorecards, type Role } from "../../domain/policies.ts";
import { type Scorecard, signalLabel } from "../../domain/scorecard/index.ts";
import type { CustomerCorrections } from "../../store/customer-corrections.ts";
import type { Store } from "../../store/database.ts";
import { findFact, listFactsOfCustomers } from "../../store/fact-repository.ts";
import {
  countCustomerFacts,
  listCustomerFactsPage,
  pageOfCustomerFact,
} from "../../store/timeline-repository.ts";
import type { CustomerValues } from "../customer-value/compute-customer-values.ts";
import { presentCustomerValue } from "../customer-value/present-customer-value.ts";
import { presentRecord } from "./present-record.ts";
import { presentTimeline, type TimelineChange } from "./present-timeline.ts";

/**
 * The customer a customer id shows: the one it is merged into, if it is merged; the customer
 * a correction corrects, for a correction's id.
 * @example resolveCustomerId(fixes, "ana-2") // "ana" once ana-2 is merged into ana
 */
export function resolveCustomerId(fixes: CustomerCorrections, id: string): string {
  const root = fixes.rootOf(id) ?? id;
  return fixes.mergedInto(root) ?? root;
}

/** Facts a timeline page holds unless asked otherwise (the API's default too). */
const TIMELINE_PAGE_SIZE = 100;

export async function getCustomer(
  store: Store,
  orgId: string,
  role: Role,
  customerId: string,
  context: {
    /** The customer corrections known at as-of (the scorecard index's). */
    fixes: CustomerCorrections;
    charter: Charter;
    scorecard?: Scorecard;
    asOf: number;
    lang: "fr" | "en";
    /** The customer-value fit; the value is left out (null) without it. */
    values?: CustomerValues;
    /** Which page of the timeline (default the first, newest); `fact`: the page holding it. */
    timeline?: { page?: number; pageSize?: number; fact?: string };
  },
) {
  const { fixes } = context;
  const until = context.asOf;
  const keptId = resolveCustomerId(fixes, customerId);
  const ids = [keptId, ...fixes.mergedFrom(keptId)];
  // The records are few: read by id; the facts a page at a time (a customer may have 100,000).
  const records = new Map<string, CustomerFact>();
  for (const id of ids) {
    const found = await findFact(store, orgId, "customer", id);
    if (found && found.at <= until) records.set(id, found as CustomerFact);
  }
  const original = records.get(keptId);
  if (!original || fixes.isCorrection(original))
    throw new AppError("CUSTOMER_NOT_FOUND", `id: no customer "${customerId}" here`);
  const record = fixes.corrected(original);
  const nameOf = (id: string) => {
    const r = records.get(id);
    return r ? fixes.corrected(r).name : id;
  };
  const changes = new Map<string, TimelineChange>();
  const corrections: CustomerFact[] = [];
  for (const [id, first] of records) {
    let before = first;
    for (const fix of fixes.history(id)) {
      const after = { ...fix, id } as CustomerFact;
      const change = describeChange(before, after);
      changes.set(fix.id, {
        ...change,
        ...(change.customer ? { name: nameOf(change.customer) } : {}),
        ...(id !== keptId ? { of: { id, name: nameOf(id) } } : {}),
      });
      corrections.push(fix);
      before = after;
    }
  }
  const pageSize = context.timeline?.pageSize ?? TIMELINE_PAGE_SIZE;
  const wanted = context.timeline?.fact;
  let facts: Fact[];
  let total: number;
  let page: number;
  if (ids.length === 1) {
    page =
      (wanted && (await pageOfCustomerFact(store, orgId, keptId, wanted, { until, pageSize }))) ||
      context.timeline?.page ||
      1;
    [facts, total] = await Promise.all([
      listCustomerFactsPage(store, orgId, keptId, { until, page, pageSize }),
      countCustomerFacts(store, orgId, keptId, until),
    ]);
  } else {
    // A merged customer: both ledgers read whole (merges are rare), paged here the same way,
    // newest page first.
    const byId = await listFactsOfCustomers(store, orgId, ids);
    const all = ids
      .flatMap((id) => byId.get(id) ?? [])
      .filter((f) => f.at <= until)
      .sort((a, b) => a.at - b.at);
    total = all.length;
    const index = wanted ? all.findIndex((f) => f.id === wanted) : -1;
    page =
      index >= 0
        ? Math.floor((all.length - 1 - index) / pageSize) + 1
        : (context.timeline?.page ?? 1);
    const end = all.length - (page - 1) * pageSize;
    facts = all.slice(Math.max(0, end - pageSize), Math.max(0, end));
  }
  // The record's corrections go on the page whose span holds them (the first page takes any
  // newer one, the last any older one).
  const last = page * pageSize >= total;
  const low = last ? Number.NEGATIVE_INFINITY : (facts[0]?.at ?? Number.NEGATIVE_INFINITY);
  const high =
    page === 1 ? Number.POSITIVE_INFINITY : (facts.at(-1)?.at ?? Number.POSITIVE_INFINITY);
  const pageCorrections = corrections.filter((c) => c.at <= until && c.at >= low && c.at <= high);
  const full = canSeeScorecards(role);
  const card = context.scorecard;
  const digits = minorDigits(context.charter.currency);
  return {
    customer: presentRecord(record),
    /** The id asked for, when it is that of a customer merged into this one. */
    resolvedFrom: customerId !== record.id ? customerId : null,
    /** The customers merged straight into this one (each can be unmerged). */
    merged: [...records.keys()]
      .filter((id) => id !== keptId && fixes.merges.get(id) === keptId)
      .filter((id) => mergeTarget(fixes.corrected(records.get(id) as CustomerFact)) !== undefined)
      .map((id) => ({ id, name: nameOf(id) })),
    currency: context.charter.currency,
    scorecard:
      full && card
        ? {
            segment: card.segment,
            signals: card.signals.map((s) => ({
              code: s.code,
              label: signalLabel(s.code, context.lang),
              evidence: [...s.evidence],
              message: s.message,
            })),
          }
        : null,
    money:
      full && card
        ? {
            revenue: fromMinor(card.revenue, digits),
            margin: fromMinor(card.margin, digits),
            orders: card.orders,
            outstanding: fromMinor(card.outstanding, digits),
            outstanding_total: fromMinor(card.outstandingTotal, digits),
          }
        : null,
    value:
      full && context.values
        ? presentCustomerValue(
            context.values,
            { id: record.id, status: record.status },
            context.lang,
            context.charter.currency,
          )
        : null,
    timeline: presentTimeline([...facts, ...pageCorrections], digits, {
      hideCosts: !full,
      changes,
    }),
    timelinePage: { page, pageSize, total },
  };
}
