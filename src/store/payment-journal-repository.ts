/**
 * The payment journal, its closures and the latest verification (migration
 * 2026-12-07T15-00-payment-journal). Rows are inserted, never updated: the primary key
 * (organization, seq) refuses a second entry with the same number, so two concurrent writers
 * cannot fork the chain (the loser retries on the new head). Every query takes the
 * organization's id.
 */
import { type Kysely, sql } from "kysely";
import { decodeFact } from "../domain/fact-codec.ts";
import type { Fact } from "../domain/facts.ts";
import type { Closure, ClosureKind } from "../domain/payments/closures.ts";
import type {
  ChainProblem,
  JournalEntry,
  PaymentMethod,
} from "../domain/payments/payment-journal.ts";
import { dialectOf } from "./dialect.ts";
import { orgKey } from "./org-key.ts";
import type { Database } from "./schema.ts";

export interface PaymentJournalTable {
  org_id: string;
  seq: number;
  kind: string;
  fact_id: string;
  invoice: string;
  customer: string;
  amount: number | string | bigint;
  currency: string;
  method: string;
  paid_at: string;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

export interface PaymentClosureTable {
  org_id: string;
  seq: number;
  kind: string;
  period: string;
  entries: number;
  total: number | string | bigint;
  by_method: string;
  perpetual_total: number | string | bigint;
  journal_seq: number;
  journal_hash: string;
  closed_at: string;
  prev_hash: string;
  hash: string;
}

export interface PaymentJournalCheckTable {
  org_id: string;
  checked_at: string;
  ok: number;
  entries: number;
  closures: number;
  problems: string;
}

type Tables = {
  payment_journal: PaymentJournalTable;
  payment_closures: PaymentClosureTable;
  payment_journal_checks: PaymentJournalCheckTable;
};
type Db = Kysely<Database & Tables>;
const typed = (db: Kysely<Database>): Db => db.withTables<Tables>();

function entryFromRow(r: PaymentJournalTable): JournalEntry {
  return {
    seq: Number(r.seq),
    kind: r.kind as JournalEntry["kind"],
    factId: r.fact_id,
    invoice: r.invoice,
    customer: r.customer,
    amount: Number(r.amount),
    currency: r.currency,
    method: r.method as PaymentMethod,
    paidAt: Date.parse(r.paid_at),
    recordedBy: r.recorded_by,
    recordedByName: r.recorded_by_name,
    recordedAt: Date.parse(r.recorded_at),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

function closureFromRow(r: PaymentClosureTable): Closure {
  return {
    seq: Number(r.seq),
    kind: r.kind as ClosureKind,
    period: r.period,
    entries: Number(r.entries),
    total: Number(r.total),
    byMethod: JSON.parse(r.by_method) as Closure["byMethod"],
    perpetualTotal: Number(r.perpetual_total),
    journalSeq: Number(r.journal_seq),
    journalHash: r.journal_hash,
    closedAt: Date.parse(r.closed_at),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * Takes the organization's journal lock for the rest of the transaction, before anything is
 * read: a payment's balance check and its entry then see every payment committed before.
 * PostgreSQL (READ COMMITTED: each statement sees the latest commits, so without it a
 * transaction could check a stale balance and still chain on a fresh head): a transaction
 * advisory lock. SQLite: nothing to take; one connection runs one transaction at a time, and
 * another process's commit after this transaction's first read makes its write fail with
 * SQLITE_BUSY_SNAPSHOT, which the caller retries.
 */
export async function lockJournal(db: Kysely<Database>, orgId: string): Promise<void> {
  if (dialectOf(db as unknown as Kysely<unknown>) !== "postgres") return;
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`comptoir-payments:${orgId}`}))`.execute(db);
}

/** The last entry's number and hash, undefined while the journal is empty. */
export async function journalHead(
  db: Kysely<Database>,
  orgId: string,
): Promise<{ seq: number; hash: string } | undefined> {
  const row = await typed(db)
    .selectFrom("payment_journal")
    .select(["seq", "hash"])
    .where("org_id", "=", orgId)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash } : undefined;
}

export async function insertJournalEntry(
  db: Kysely<Database>,
  orgId: string,
  e: JournalEntry,
): Promise<void> {
  await typed(db)
    .insertInto("payment_journal")
    .values({
      org_id: orgId,
      seq: e.seq,
      kind: e.kind,
      fact_id: e.factId,
      invoice: e.invoice,
      customer: e.customer,
      amount: e.amount,
      currency: e.currency,
      method: e.method,
      paid_at: new Date(e.paidAt).toISOString(),
      recorded_by: e.recordedBy,
      recorded_by_name: e.recordedByName,
      recorded_at: new Date(e.recordedAt).toISOString(),
      prev_hash: e.prevHash,
      hash: e.hash,
    })
    .execute();
}

/** Entries after `afterSeq`, in order, at most `limit` (the journal is read in chunks). */
export async function listJournalEntries(
  db: Kysely<Database>,
  orgId: string,
  options: { afterSeq?: number; limit?: number; from?: string; to?: string } = {},
): Promise<JournalEntry[]> {
  let query = typed(db)
    .selectFrom("payment_journal")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("seq", ">", options.afterSeq ?? 0);
  if (options.from) query = query.where("recorded_at", ">=", options.from);
  if (options.to) query = query.where("recorded_at", "<", options.to);
  const rows = await query
    .orderBy("seq")
    .limit(options.limit ?? 1000)
    .execute();
  return rows.map(entryFromRow);
}

/** The entry just before `seq` (the anchor of an archive), if any. */
export async function journalEntryAt(
  db: Kysely<Database>,
  orgId: string,
  seq: number,
): Promise<JournalEntry | undefined> {
  const row = await typed(db)
    .selectFrom("payment_journal")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("seq", "=", seq)
    .executeTakeFirst();
  return row ? entryFromRow(row) : undefined;
}

export async function countJournalEntries(db: Kysely<Database>, orgId: string): Promise<number> {
  const row = await typed(db)
    .selectFrom("payment_journal")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The organizations whose journal holds at least one entry. */
export async function orgsWithJournal(db: Kysely<Database>): Promise<string[]> {
  const rows = await typed(db).selectFrom("payment_journal").select("org_id").distinct().execute();
  return rows.map((r) => r.org_id);
}

export async function closureHead(
  db: Kysely<Database>,
  orgId: string,
): Promise<{ seq: number; hash: string } | undefined> {
  const row = await typed(db)
    .selectFrom("payment_closures")
    .select(["seq", "hash"])
    .where("org_id", "=", orgId)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash } : undefined;
}

export async function insertClosure(
  db: Kysely<Database>,
  orgId: string,
  c: Closure,
): Promise<void> {
  await typed(db)
    .insertInto("payment_closures")
    .values({
      org_id: orgId,
      seq: c.seq,
      kind: c.kind,
      period: c.period,
      entries: c.entries,
      total: c.total,
      by_method: JSON.stringify(c.byMethod),
      perpetual_total: c.perpetualTotal,
      journal_seq: c.journalSeq,
      journal_hash: c.journalHash,
      closed_at: new Date(c.closedAt).toISOString(),
      prev_hash: c.prevHash,
      hash: c.hash,
    })
    .execute();
}

/** Every closure of the organization, in sequence order. */
export async function listClosures(db: Kysely<Database>, orgId: string): Promise<Closure[]> {
  const rows = await typed(db)
    .selectFrom("payment_closures")
    .selectAll()
    .where("org_id", "=", orgId)
    .orderBy("seq")
    .execute();
  return rows.map(closureFromRow);
}

export interface JournalCheck {
  checkedAt: number;
  ok: boolean;
  entries: number;
  closures: number;
  problems: ChainProblem[];
}

/** Keeps the latest verification (one row per organization, replaced each time). */
export async function saveJournalCheck(
  db: Kysely<Database>,
  orgId: string,
  check: JournalCheck,
): Promise<void> {
  const values = {
    checked_at: new Date(check.checkedAt).toISOString(),
    ok: check.ok ? 1 : 0,
    entries: check.entries,
    closures: check.closures,
    // The first 100 problems: enough to act on, bounded in size.
    problems: JSON.stringify(check.problems.slice(0, 100)),
  };
  await typed(db)
    .insertInto("payment_journal_checks")
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column("org_id").doUpdateSet(values))
    .execute();
}

export async function findJournalCheck(
  db: Kysely<Database>,
  orgId: string,
): Promise<JournalCheck | undefined> {
  const row = await typed(db)
    .selectFrom("payment_journal_checks")
    .selectAll()
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    checkedAt: Date.parse(row.checked_at),
    ok: Number(row.ok) === 1,
    entries: Number(row.entries),
    closures: Number(row.closures),
    problems: JSON.parse(row.problems) as ChainProblem[],
  };
}

/**
 * True for what a concurrent writer causes and a new attempt cures: the unique-key violation
 * of a number taken first (both databases), PostgreSQL's serialization failure and deadlock,
 * SQLite's busy file when another process writes (a deferred transaction that must upgrade).
 */
export function isWriteConflict(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return (
    code === "23505" ||
    code === "40001" ||
    code === "40P01" ||
    code === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
    code === "SQLITE_CONSTRAINT_UNIQUE" ||
    (typeof code === "string" && code.startsWith("SQLITE_BUSY"))
  );
}

/** The `payment` facts with these ids, by id (one query per chunk of the journal). */
export async function findPaymentFacts(
  db: Kysely<Database>,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, Fact>> {
  const found = new Map<string, Fact>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom("facts")
      .select(["type", "id", "at", "customer", "data"])
      .where("org", "=", orgKey(orgId))
      .where("type", "=", "payment")
      .where("id", "in", ids.slice(i, i + 500))
      .execute();
    for (const row of rows) found.set(row.id, decodeFact(row));
  }
  return found;
}
