/**
 * Every customer's assessment for one as-of instant, in customer id order: a large SQLite
 * organization on both cores (scorecard-parallel.ts), the rest (and PostgreSQL) on this
 * thread, streamed. What ScorecardIndex.build and computeScorecards (the `scorecards` and
 * `portfolio` commands) both start from.
 */
import type { CustomerFact, Fact } from "../../../domain/facts.ts";
import {
  type Assessment,
  assessCustomer,
  type ScoringContext,
} from "../../../domain/scorecard/index.ts";
import {
  type CustomerCorrections,
  customerCorrections,
} from "../../../store/customer-corrections.ts";
import type { Store } from "../../../store/database.ts";
import {
  listCustomerFacts,
  listFactsOfCustomers,
  streamCustomerFacts,
} from "../../../store/fact-repository.ts";
import { assessInParallel, type ParallelOptions } from "./scorecard-parallel.ts";

/**
 * Customers created after `ctx.asOf` are left out; a customer's corrections known by then are
 * applied (store/customer-corrections.ts).
 * @example const assessments = await assessCustomers(store, org.id, { charter, asOf, lang })
 */
export async function assessCustomers(
  store: Store,
  orgId: string,
  ctx: ScoringContext,
  options: ParallelOptions = {},
): Promise<{
  assessments: Map<string, Assessment>;
  /** Ids of every customer fact that corrects another, when the pass noted them (two threads). */
  corrections?: string[];
  /** The customer corrections known at `ctx.asOf`, merges included. */
  fixes: CustomerCorrections;
}> {
  const corrections: string[] = [];
  const parallel = await assessInParallel(store, orgId, ctx, {
    // Not an error (this thread does the worker's share), but worth a line in the log.
    onWorkerError: (error) =>
      console.warn(
        `scorecards: the worker thread failed (${error.message}); finished on one thread`,
      ),
    ...options,
    corrections,
  });
  if (parallel) {
    // The pass noted every customer fact that corrects another: none, nothing to read.
    const fixes = await customerCorrections(store, orgId, ctx.asOf, { among: corrections });
    const assessments = await withCustomerCorrections(store, orgId, ctx, parallel, fixes);
    await withMerges(store, orgId, ctx, assessments, fixes);
    return { assessments, corrections, fixes };
  }
  const fixes = await customerCorrections(store, orgId, ctx.asOf);
  const assessments = await assessOnOneThread(store, orgId, ctx, options.signal, fixes);
  await withMerges(store, orgId, ctx, assessments, fixes);
  return { assessments, fixes };
}

/**
 * One customer's facts known at `asOf`, its corrections applied, with the facts of the
 * customers merged into it (read as its own); undefined if not a customer yet.
 */
export async function readCustomer(
  store: Store,
  orgId: string,
  id: string,
  asOf: number,
  fixes: CustomerCorrections,
): Promise<{ customer: CustomerFact; facts: Fact[] } | undefined> {
  const merged = fixes.mergedFrom(id);
  if (merged.length === 0) return knownAt(await listCustomerFacts(store, orgId, id), asOf, fixes);
  return underOne(id, await listFactsOfCustomers(store, orgId, [id, ...merged]), asOf, fixes);
}

/** readCustomer of a customer whose facts (all of them, oldest first) are read already. */
function knownAt(
  all: Fact[],
  asOf: number,
  fixes: CustomerCorrections,
): { customer: CustomerFact; facts: Fact[] } | undefined {
  const facts = all.filter((f) => f.type === "customer" || f.at <= asOf);
  const stored = facts.find((f): f is CustomerFact => f.type === "customer");
  if (!stored || fixes.isCorrection(stored)) return undefined;
  const customer = fixes.corrected(stored);
  if (customer.at > asOf) return undefined;
  return { customer, facts: facts.filter((f) => f.type !== "customer") };
}

/**
 * A customer with the ledgers of those merged into it: their facts read as its own (their
 * `customer` is the kept one's id), oldest first. Their records are not: the kept record stands.
 */
function underOne(
  id: string,
  factsById: ReadonlyMap<string, Fact[]>,
  asOf: number,
  fixes: CustomerCorrections,
): { customer: CustomerFact; facts: Fact[] } | undefined {
  const own = knownAt(factsById.get(id) ?? [], asOf, fixes);
  if (!own) return undefined;
  const facts = [...own.facts];
  for (const merged of fixes.mergedFrom(id)) {
    for (const fact of factsById.get(merged) ?? []) {
      if (fact.type !== "customer" && fact.at <= asOf)
        facts.push({ ...fact, customer: id } as Fact);
    }
  }
  // Stable: facts of the same instant keep the kept customer's first.
  facts.sort((a, b) => a.at - b.at);
  return { customer: own.customer, facts };
}

/**
 * Merged customers (docs/customers.md): each kept customer is assessed again on the union of
 * the ledgers, and those merged into it leave the assessments.
 */
async function withMerges(
  store: Store,
  orgId: string,
  ctx: ScoringContext,
  assessments: Map<string, Assessment>,
  fixes: CustomerCorrections,
): Promise<void> {
  if (fixes.merges.size === 0) return;
  const kept = [...new Set(fixes.merges.values())];
  const facts = await listFactsOfCustomers(store, orgId, [...kept, ...fixes.merges.keys()]);
  for (const id of kept) {
    const read = underOne(id, facts, ctx.asOf, fixes);
    // A kept customer not known yet at as-of: the others stay as they were.
    if (!read) continue;
    for (const merged of fixes.mergedFrom(id)) assessments.delete(merged);
    assessments.set(id, assessCustomer(read.customer, read.facts, ctx));
  }
}

/**
 * The parallel reader (store/sqlite-fact-stream.ts) files a customer's correction as a
 * customer of its own: drop those, and re-assess the customers they correct.
 */
async function withCustomerCorrections(
  store: Store,
  orgId: string,
  ctx: ScoringContext,
  assessments: Map<string, Assessment>,
  fixes: CustomerCorrections,
): Promise<Map<string, Assessment>> {
  if (fixes.ids.length === 0) return assessments;
  for (const id of fixes.ids) assessments.delete(id);
  // The corrected customers again, read together (thousands of them in a large ledger: one
  // query each cost some 1.5 s for 7,000).
  const roots = fixes.ids.filter((id) => fixes.rootOf(id) === undefined);
  const facts = await listFactsOfCustomers(store, orgId, roots);
  for (const id of roots) {
    const read = knownAt(facts.get(id) ?? [], ctx.asOf, fixes);
    if (read) assessments.set(id, assessCustomer(read.customer, read.facts, ctx));
  }
  return assessments;
}

async function assessOnOneThread(
  store: Store,
  orgId: string,
  ctx: ScoringContext,
  signal: AbortSignal | undefined,
  fixes: CustomerCorrections,
): Promise<Map<string, Assessment>> {
  const assessments = new Map<string, Assessment>();
  const stream = streamCustomerFacts(store, orgId, { until: ctx.asOf, corrections: fixes });
  for await (const { customer, facts } of stream) {
    signal?.throwIfAborted();
    if (customer.at > ctx.asOf) continue;
    assessments.set(customer.id, assessCustomer(customer, facts, ctx));
  }
  return assessments;
}
