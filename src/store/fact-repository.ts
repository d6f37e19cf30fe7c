/**
 * The ledger's facts table: append, find, and read back one customer at a time. Every query
 * takes the organization's id. Facts are never updated: a correction is a new fact.
 */
import { hash } from "node:crypto";
import { AppError } from "../domain/errors.ts";
import { decodeFact, encodeFact } from "../domain/fact-codec.ts";
import type { CustomerFact, Fact, FactType } from "../domain/facts.ts";
import { type CustomerCorrections, customerCorrections } from "./customer-corrections.ts";
import {
  type FactRow,
  groupByCustomer,
  STREAM_CHUNK_ROWS,
  wholeCustomersEnd,
} from "./customer-rows.ts";
import type { Store } from "./database.ts";
import { orgKey } from "./org-key.ts";

/** SHA-256 of a fact's canonical content (see fact-codec.ts). */
export function contentHash(content: string): string {
  return hash("sha256", content);
}

/**
 * Appends one fact (for use cases that record a single fact; files go through importLedger).
 * Same type+id with the same content: "unchanged"; with other content: FACT_CONFLICT.
 * References are not checked here.
 */
export async function insertFact(
  store: Store,
  orgId: string,
  fact: Fact,
  options: { offsets?: Record<string, string>; importId?: string } = {},
): Promise<"added" | "unchanged"> {
  const enc = encodeFact(fact, options.offsets);
  const hash = contentHash(enc.content);
  const existing = await store.db
    .selectFrom("facts")
    .select("hash")
    .where("org", "=", orgKey(orgId))
    .where("type", "=", enc.type)
    .where("id", "=", enc.id)
    .executeTakeFirst();
  if (existing) {
    if (existing.hash === hash) return "unchanged";
    throw new AppError(
      "BAD_INPUT",
      `id: ${enc.type} "${enc.id}" is already stored with different content`,
    );
  }
  await store.db
    .insertInto("facts")
    .values({
      org: orgKey(orgId),
      type: enc.type,
      id: enc.id,
      at: enc.at,
      at_offset: enc.at_offset,
      customer: enc.customer,
      data: enc.data,
      hash,
      import_id: options.importId ?? null,
      created_at: new Date().toISOString(),
    })
    .execute();
  return "added";
}

/** The fact with this type and id in the organization, or undefined. */
export async function findFact(
  store: Store,
  orgId: string,
  type: FactType,
  id: string,
): Promise<Fact | undefined> {
  const row = await store.db
    .selectFrom("facts")
    .select(["type", "id", "at", "customer", "data"])
    .where("org", "=", orgKey(orgId))
    .where("type", "=", type)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? decodeFact(row) : undefined;
}

/** One customer's facts (its own customer fact included), oldest first. */
export async function listCustomerFacts(
  store: Store,
  orgId: string,
  customerId: string,
): Promise<Fact[]> {
  const rows = await store.db
    .selectFrom("facts")
    .select(["type", "id", "at", "customer", "data"])
    .where("org", "=", orgKey(orgId))
    .where("customer", "=", customerId)
    .orderBy("at")
    .orderBy("seq")
    .execute();
  return rows.map(decodeFact);
}

/**
 * The facts of each of these customers (their customer facts included), oldest first, a few
 * hundred customers a query: listCustomerFacts for many customers at once.
 */
export async function listFactsOfCustomers(
  store: Store,
  orgId: string,
  customerIds: readonly string[],
): Promise<Map<string, Fact[]>> {
  const out = new Map<string, Fact[]>(customerIds.map((id) => [id, []]));
  for (let i = 0; i < customerIds.length; i += 500) {
    const rows = await store.db
      .selectFrom("facts")
      .select(["type", "id", "at", "customer", "data"])
      .where("org", "=", orgKey(orgId))
      .where("customer", "in", customerIds.slice(i, i + 500))
      .orderBy("customer")
      .orderBy("at")
      .orderBy("seq")
      .execute();
    for (const row of rows) out.get(row.customer as string)?.push(decodeFact(row));
  }
  return out;
}

/**
 * Every customer with its other facts, one customer at a time, ordered by customer. `until`
 * (epoch ms) drops facts dated later, but never the customer fact itself. Facts without a
 * customer (anonymous feedback) are not read. A customer's corrections known by `until` are
 * applied to it, and are not customers of their own (customer-corrections.ts).
 *
 * Read in chunks of whole customers (keyset on `customer`, STREAM_CHUNK_ROWS rows a query),
 * not through a cursor: a row-by-row stream costs several promises a row (a third of a full
 * pass over 1.3 million facts), and on SQLite it holds the only connection and never lets the
 * event loop run. Between chunks the connection is free (other queries may run inside the
 * loop) and the server answers other requests. Facts are append-only: a fact added during the
 * pass is read or not, and `lastFactSeq` taken before the pass tells what to re-read.
 * @example for await (const { customer, facts } of streamCustomerFacts(store, org.id)) ...
 */
export async function* streamCustomerFacts(
  store: Store,
  orgId: string,
  options: { until?: number; chunkRows?: number; corrections?: CustomerCorrections } = {},
): AsyncGenerator<{ customer: CustomerFact; facts: Fact[] }> {
  const chunkRows = options.chunkRows ?? STREAM_CHUNK_ROWS;
  const until = options.until === undefined ? undefined : new Date(options.until).toISOString();
  // A customer's corrections are filed as customers of their own: read as the original's.
  const fixes = options.corrections ?? (await customerCorrections(store, orgId, options.until));
  const select = () => {
    let query = store.db
      .selectFrom("facts")
      .select(["type", "id", "at", "customer", "data"])
      .where("org", "=", orgKey(orgId))
      .where("customer", "is not", null);
    if (until !== undefined) {
      query = query.where((eb) => eb.or([eb("at", "<=", until), eb("type", "=", "customer")]));
    }
    return query;
  };
  let after: string | undefined;
  for (;;) {
    const rows: FactRow[] = await (after === undefined
      ? select()
      : select().where("customer", ">", after)
    )
      .orderBy("customer")
      .orderBy("at")
      .orderBy("seq")
      .limit(chunkRows)
      .execute();
    if (rows.length === 0) return;
    let whole = rows;
    if (rows.length === chunkRows) {
      const end = wholeCustomersEnd(rows, (r) => r.customer);
      const last = rows[rows.length - 1]?.customer as string;
      whole =
        end > 0
          ? rows.slice(0, end)
          : // One customer fills the chunk: read that customer alone, whole.
            await select().where("customer", "=", last).orderBy("at").orderBy("seq").execute();
    }
    for (const group of groupByCustomer(whole, (r) => r.customer, decodeFact)) {
      if (fixes.isCorrection(group.customer)) continue;
      yield { customer: fixes.corrected(group.customer), facts: group.facts };
    }
    if (rows.length < chunkRows) return;
    after = whole[whole.length - 1]?.customer as string;
    // SQLite answers synchronously: without this, the whole pass would hold the event loop.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Whether the organization has at least `count` facts: a bounded walk of one index. */
export async function hasFactsAtLeast(
  store: Store,
  orgId: string,
  count: number,
): Promise<boolean> {
  if (count <= 0) return true;
  if (!Number.isFinite(count)) return false;
  const row = await store.db
    .selectFrom("facts")
    .select("seq")
    .where("org", "=", orgKey(orgId))
    .orderBy("seq")
    .limit(1)
    .offset(Math.ceil(count) - 1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The highest fact seq of the organization (0 when it has none): facts only ever get added. */
export async function lastFactSeq(store: Store, orgId: string): Promise<number> {
  const row = await store.db
    .selectFrom("facts")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .where("org", "=", orgKey(orgId))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** Customers with facts added after `seq` (corrections and new facts alike), in order of arrival. */
export async function customersTouchedSince(
  store: Store,
  orgId: string,
  seq: number,
): Promise<string[]> {
  // Ordered by seq and de-duplicated here: with DISTINCT, SQLite would scan the customer index.
  const rows = await store.db
    .selectFrom("facts")
    .select("customer")
    .where("org", "=", orgKey(orgId))
    .where("seq", ">", seq)
    .orderBy("seq")
    .execute();
  return [...new Set(rows.map((r) => r.customer).filter((c): c is string => c !== null))];
}
