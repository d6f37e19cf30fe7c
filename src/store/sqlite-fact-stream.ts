/**
 * streamCustomerFacts for one range of customers, read straight from a SQLite file through a
 * connection of its own, synchronously: what a worker thread runs, and the main thread next to
 * it (app/scorecard-parallel.ts). Same rows, order and grouping as streamCustomerFacts, whose
 * contract it keeps (ordered by customer, then at and seq; `until` never drops the customer
 * fact; facts without a customer are not read), but rows come back as arrays (better-sqlite3's
 * raw mode), which costs a third less than rows as objects.
 *
 * A connection of its own rather than the store's: the store's single connection may be inside
 * another caller's transaction between two of its statements, and reading on it then would see
 * rows that are not committed. Each chunk is its own snapshot, as with streamCustomerFacts.
 */
import SQLite from "better-sqlite3";
import { decodeFactColumns } from "../domain/fact-codec.ts";
import type { CustomerFact, Fact } from "../domain/facts.ts";
import { groupByCustomer, STREAM_CHUNK_ROWS, wholeCustomersEnd } from "./customer-rows.ts";

export interface CustomerRange {
  /** First customer id of the range (included); from the first customer when undefined. */
  from?: string;
  /** Customer id ending the range (excluded); to the last customer when undefined. */
  to?: string;
}

export interface CustomerEntry {
  customer: CustomerFact;
  facts: Fact[];
}

type RawRow = [type: string, id: string, at: string, customer: string, data: string];

/** A read-only connection on a SQLite file (not `:memory:`: another connection sees nothing). */
export function openFactReader(path: string): SQLite.Database {
  return new SQLite(path, { readonly: true, fileMustExist: true, timeout: 5000 });
}

/**
 * The facts of organization `@orgId`: orgKey (org-key.ts) in SQL text, for this module, which
 * the scorecard worker loads without Kysely.
 */
const OF_ORG = "org = (SELECT key FROM org_keys WHERE org_id = @orgId)";

/**
 * The organization's customers cut into consecutive ranges of about `customers` customers
 * each, in id order (the order of the facts' `customer`); none without customers.
 * @example customerRanges(reader, org.id, 2) // [{ to: "c" }, { from: "c" }] for a, b, c, d
 */
export function customerRanges(
  database: SQLite.Database,
  orgId: string,
  customers: number,
): CustomerRange[] {
  const ids = database
    .prepare(`SELECT id FROM facts WHERE ${OF_ORG} AND type = 'customer' ORDER BY id`)
    .pluck()
    .all({ orgId }) as string[];
  if (ids.length === 0) return [];
  const step = Math.max(1, Math.ceil(customers));
  const ranges: CustomerRange[] = [{}];
  for (let i = step; i < ids.length; i += step) {
    const from = ids[i] as string;
    (ranges[ranges.length - 1] as CustomerRange).to = from;
    ranges.push({ from });
  }
  return ranges;
}

/**
 * The customers of `range` with their facts, one chunk of whole customers (about `chunkRows`
 * rows) at a time. Between two chunks nothing is held: a caller on the main thread yields to
 * the event loop there.
 * @example for (const chunk of sqliteCustomerChunks(reader, org.id, { to: "c5" })) ...
 */
export function* sqliteCustomerChunks(
  database: SQLite.Database,
  orgId: string,
  options: CustomerRange & { until?: number; chunkRows?: number } = {},
): Generator<CustomerEntry[]> {
  const chunkRows = options.chunkRows ?? STREAM_CHUNK_ROWS;
  const until = options.until === undefined ? undefined : new Date(options.until).toISOString();
  const dated = until === undefined ? "" : " AND (at <= @until OR type = 'customer')";
  const upTo = options.to === undefined ? "" : " AND customer < @to";
  const select = (keyset: string) =>
    database
      .prepare(
        `SELECT type, id, at, customer, data FROM facts WHERE ${OF_ORG} AND customer IS NOT NULL${keyset}${upTo}${dated} ORDER BY customer, at, seq LIMIT @limit`,
      )
      .raw(true);
  const first = select(options.from === undefined ? "" : " AND customer >= @from");
  const next = select(" AND customer > @after");
  const alone = database
    .prepare(
      `SELECT type, id, at, customer, data FROM facts WHERE ${OF_ORG} AND customer = @customer${dated} ORDER BY at, seq`,
    )
    .raw(true);
  // better-sqlite3 refuses named parameters the statement does not use.
  const params = (extra: Record<string, unknown>) => {
    const p: Record<string, unknown> = { orgId, limit: chunkRows, ...extra };
    if (until !== undefined) p.until = until;
    if (options.to !== undefined) p.to = options.to;
    return p;
  };
  let after: string | undefined;
  for (;;) {
    const rows = (
      after === undefined
        ? first.all(params(options.from === undefined ? {} : { from: options.from }))
        : next.all(params({ after }))
    ) as RawRow[];
    if (rows.length === 0) return;
    let whole = rows;
    if (rows.length === chunkRows) {
      const end = wholeCustomersEnd(rows, (r) => r[3]);
      const last = rows[rows.length - 1]?.[3] as string;
      whole =
        end > 0
          ? rows.slice(0, end)
          : // One customer fills the chunk: read that customer alone, whole.
            (alone.all(
              until === undefined ? { orgId, customer: last } : { orgId, customer: last, until },
            ) as RawRow[]);
    }
    yield groupRows(whole);
    if (rows.length < chunkRows) return;
    after = whole[whole.length - 1]?.[3] as string;
  }
}

/** The chunk's customers: streamCustomerFacts' grouping, on raw rows. */
function groupRows(rows: readonly RawRow[]): CustomerEntry[] {
  return [...groupByCustomer(rows, (r) => r[3], decodeRow)];
}

function decodeRow([type, id, at, customer, data]: RawRow): Fact {
  return decodeFactColumns(type, id, at, customer, data);
}
