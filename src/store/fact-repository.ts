/**
 * The ledger's facts table: append, find, and read back one customer at a time. Every query
 * takes the organization's id. Facts are never updated: a correction is a new fact.
 */
import { hash } from "node:crypto";
import { AppError } from "../domain/errors.ts";
import { decodeFact, encodeFact } from "../domain/fact-codec.ts";
import type { CustomerFact, Fact, FactType } from "../domain/facts.ts";
import type { Store } from "./database.ts";

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
    .where("org_id", "=", orgId)
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
      org_id: orgId,
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
    .where("org_id", "=", orgId)
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
    .where("org_id", "=", orgId)
    .where("customer", "=", customerId)
    .orderBy("at")
    .orderBy("seq")
    .execute();
  return rows.map(decodeFact);
}

/**
 * Every customer with its other facts, one customer at a time, from ONE query ordered by
 * customer (streamed: memory holds one customer's facts). `until` (epoch ms) drops facts
 * dated later, but never the customer fact itself. Facts without a customer (anonymous
 * feedback) are not read. While iterating on SQLite the connection is busy: do not run other
 * queries on the same store inside the loop.
 * @example for await (const { customer, facts } of streamCustomerFacts(store, org.id)) ...
 */
export async function* streamCustomerFacts(
  store: Store,
  orgId: string,
  options: { until?: number } = {},
): AsyncGenerator<{ customer: CustomerFact; facts: Fact[] }> {
  let query = store.db
    .selectFrom("facts")
    .select(["type", "id", "at", "customer", "data"])
    .where("org_id", "=", orgId)
    .where("customer", "is not", null);
  if (options.until !== undefined) {
    const until = new Date(options.until).toISOString();
    query = query.where((eb) => eb.or([eb("at", "<=", until), eb("type", "=", "customer")]));
  }
  let current: string | null = null;
  let customer: CustomerFact | undefined;
  let facts: Fact[] = [];
  for await (const row of query.orderBy("customer").orderBy("at").orderBy("seq").stream(1000)) {
    if (row.customer !== current) {
      if (customer) yield { customer, facts };
      current = row.customer;
      customer = undefined;
      facts = [];
    }
    const fact = decodeFact(row);
    if (fact.type === "customer") customer = fact;
    else facts.push(fact);
  }
  if (customer) yield { customer, facts };
}

/** The highest fact seq of the organization (0 when it has none): facts only ever get added. */
export async function lastFactSeq(store: Store, orgId: string): Promise<number> {
  const row = await store.db
    .selectFrom("facts")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .where("org_id", "=", orgId)
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
    .where("org_id", "=", orgId)
    .where("seq", ">", seq)
    .orderBy("seq")
    .execute();
  return [...new Set(rows.map((r) => r.customer).filter((c): c is string => c !== null))];
}
