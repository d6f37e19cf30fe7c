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
    return {
      assessments: await withCustomerCorrections(store, orgId, ctx, parallel, corrections),
      corrections,
    };
  }
  return { assessments: await assessOnOneThread(store, orgId, ctx, options.signal) };
}

/** One customer's facts known at `asOf`, its corrections applied; undefined if not a customer yet. */
export async function readCustomer(
  store: Store,
  orgId: string,
  id: string,
  asOf: number,
  fixes: CustomerCorrections,
): Promise<{ customer: CustomerFact; facts: Fact[] } | undefined> {
  return knownAt(await listCustomerFacts(store, orgId, id), asOf, fixes);
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
 * The parallel reader (store/sqlite-fact-stream.ts) files a customer's correction as a
 * customer of its own: drop those, and re-assess the customers they correct.
 */
async function withCustomerCorrections(
  store: Store,
  orgId: string,
  ctx: ScoringContext,
  assessments: Map<string, Assessment>,
  corrections: readonly string[],
): Promise<Map<string, Assessment>> {
  // The pass noted every customer fact that corrects another: none, nothing to do.
  if (corrections.length === 0) return assessments;
  const fixes = await customerCorrections(store, orgId, ctx.asOf, { among: corrections });
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
): Promise<Map<string, Assessment>> {
  const assessments = new Map<string, Assessment>();
  for await (const { customer, facts } of streamCustomerFacts(store, orgId, { until: ctx.asOf })) {
    signal?.throwIfAborted();
    if (customer.at > ctx.asOf) continue;
    assessments.set(customer.id, assessCustomer(customer, facts, ctx));
  }
  return assessments;
}
