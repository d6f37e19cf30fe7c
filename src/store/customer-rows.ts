/**
 * Fact rows ordered by customer, cut into chunks of whole customers and grouped: what
 * streamCustomerFacts (fact-repository.ts) and the SQLite reader of the scorecard worker
 * (sqlite-fact-stream.ts) share. Kept apart from fact-repository.ts, which imports Kysely: the
 * worker thread loads this module, and Kysely would add some 0.2 s to its start.
 */
import type { CustomerFact, Fact } from "../domain/facts.ts";

/** Rows per query of streamCustomerFacts: big enough to be cheap, small enough to interleave. */
export const STREAM_CHUNK_ROWS = 4000;

export type FactRow = {
  type: string;
  id: string;
  at: string;
  customer: string | null;
  data: string;
};

/**
 * A full chunk ends inside its last customer, who may go on in the next rows: how many rows
 * come before that customer (kept for the next chunk); 0 when one customer fills the chunk.
 */
export function wholeCustomersEnd<R>(rows: readonly R[], customerOf: (row: R) => unknown): number {
  const last = customerOf(rows[rows.length - 1] as R);
  let end = rows.length;
  while (end > 0 && customerOf(rows[end - 1] as R) === last) end--;
  return end;
}

/**
 * Rows ordered by customer → each customer fact with its other facts. `customerOf` reads a
 * row's customer and `decode` makes it a fact (rows may be objects or better-sqlite3's raw
 * arrays, see sqlite-fact-stream.ts).
 */
export function* groupByCustomer<R>(
  rows: readonly R[],
  customerOf: (row: R) => string | null,
  decode: (row: R) => Fact,
): Generator<{ customer: CustomerFact; facts: Fact[] }> {
  let current: string | null = null;
  let customer: CustomerFact | undefined;
  let facts: Fact[] = [];
  for (const row of rows) {
    const id = customerOf(row);
    if (id !== current) {
      if (customer) yield { customer, facts };
      current = id;
      customer = undefined;
      facts = [];
    }
    const fact = decode(row);
    if (fact.type === "customer") customer = fact;
    else facts.push(fact);
  }
  if (customer) yield { customer, facts };
}
