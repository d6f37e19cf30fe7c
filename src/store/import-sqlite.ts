/**
 * SQLite side of the import (see app/import-staging.ts): staged rows go through one cached
 * better-sqlite3 statement, the page caches grow while importing, and a large import sets the
 * secondary indexes of `facts` aside and rebuilds them once the rows are in.
 */
import { randomUUID } from "node:crypto";
import SQLite from "better-sqlite3";
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

/**
 * The better-sqlite3 handle behind a Kysely SQLite instance (Kysely keeps it private): the
 * handle that prepares a query carrying a fresh token. Within a transaction it is the
 * transaction's own connection (SQLite has one), so statements run on it belong to it.
 */
export async function sqliteHandle(db: Kysely<Database>): Promise<SQLite.Database> {
  const token = `import-${randomUUID()}`;
  const proto = SQLite.prototype as { prepare: (source: string) => SQLite.Statement };
  const prepare = proto.prepare;
  let handle: SQLite.Database | undefined;
  proto.prepare = function (this: SQLite.Database, source: string) {
    if (source.includes(token)) handle = this;
    return prepare.call(this, source);
  };
  try {
    await sql.raw(`SELECT '${token}' AS token`).execute(db);
  } finally {
    proto.prepare = prepare;
  }
  if (!handle) throw new Error("the SQLite connection of this store could not be reached");
  return handle;
}

/** From this many bytes of input on, an import leaves WAL for a rollback journal (see below). */
export const ROLLBACK_JOURNAL_MIN_BYTES = 32 << 20;

/**
 * Settings for the length of an import, restored afterwards:
 * - a 64 MB page cache (main and temp) instead of the default 2 MB, so that index pages stay
 *   in memory; bounded;
 * - two threads for the sorts that rebuild the indexes (`PRAGMA threads`);
 * - for a large import (`bytes` of input), a rollback journal instead of WAL when this is the
 *   only connection to the file: under WAL every page is written twice, once to the log and
 *   once more by the checkpoint that follows the commit (5 of the 54 s of importing 1.3
 *   million facts); a rollback journal holds only the old content of the pages changed, which
 *   for a new organization's facts is next to nothing. Atomicity is the same (a kill leaves a
 *   hot journal that the next open rolls back), and `synchronous = FULL` meanwhile keeps a
 *   power cut as safe as under WAL. While it runs, other processes cannot open the file (an
 *   open waits, then says the database is busy). When another connection has the file open,
 *   the switch fails at once and the import stays in WAL.
 */
export async function tuneSqliteForImport(
  db: Kysely<Database>,
  input: ImportInput = { bytes: 0 },
): Promise<() => Promise<void>> {
  const read = async (pragma: string) => {
    const { rows } = await sql.raw<Record<string, unknown>>(`PRAGMA ${pragma}`).execute(db);
    return rows[0] ? Object.values(rows[0])[0] : undefined;
  };
  const cache = Number((await read("cache_size")) ?? -2000);
  const threads = Number((await read("threads")) ?? 0);
  await sql.raw("PRAGMA cache_size = -65536").execute(db);
  await sql.raw("PRAGMA temp.cache_size = -65536").execute(db);
  await sql.raw("PRAGMA threads = 2").execute(db);
  const rollback =
    input.bytes >= (input.rollbackJournalMinBytes ?? ROLLBACK_JOURNAL_MIN_BYTES) &&
    (await leaveWal(db, read));
  return async () => {
    if (rollback) await enterWal(db, read);
    await sql.raw(`PRAGMA threads = ${threads}`).execute(db);
    await sql.raw(`PRAGMA cache_size = ${cache}`).execute(db);
  };
}

/** The import's size in bytes, and (tests) the size from which to leave WAL. */
export interface ImportInput {
  bytes: number;
  rollbackJournalMinBytes?: number;
}

type ReadPragma = (pragma: string) => Promise<unknown>;

/** WAL → rollback journal, without waiting: false when another connection holds the file. */
async function leaveWal(db: Kysely<Database>, read: ReadPragma): Promise<boolean> {
  if ((await read("journal_mode")) !== "wal") return false;
  const timeout = Number((await read("busy_timeout")) ?? 0);
  await sql.raw("PRAGMA busy_timeout = 0").execute(db);
  try {
    if ((await read("journal_mode = DELETE")) !== "delete") return false;
    await sql.raw("PRAGMA synchronous = FULL").execute(db);
    return true;
  } catch {
    return false; // SQLITE_BUSY: another connection has the file open.
  } finally {
    await sql.raw(`PRAGMA busy_timeout = ${timeout}`).execute(db);
  }
}

/** Back to WAL (as openStore sets it); if that fails, the next open sets it. */
async function enterWal(db: Kysely<Database>, read: ReadPragma): Promise<void> {
  try {
    await read("journal_mode = WAL");
  } catch {
    // The file stays valid in rollback mode; openStore switches it back.
  }
  await sql.raw("PRAGMA synchronous = NORMAL").execute(db);
}

/**
 * Drops the secondary indexes of `facts` (not the unique constraint, which checks and finds
 * facts) when `adding` rows is large next to the table, and returns what recreates them:
 * SQLite builds an index by sorting far faster than it inserts rows in file order into
 * indexes larger than its cache. Inside the import's transaction, like everything else: a
 * kill leaves the indexes as they were. Their definitions are read back from the schema.
 */
export async function setIndexesAside(
  trx: Kysely<Database>,
  adding: number,
): Promise<() => Promise<void>> {
  const { rows: last } = await sql<{
    seq: number | null;
  }>`SELECT max(seq) AS seq FROM facts`.execute(trx);
  const stored = Number(last[0]?.seq ?? 0); // an upper bound of the row count, read in O(1)
  if (adding < 50_000 || adding < stored / 2) return async () => {};
  const { rows: indexes } = await sql<{ name: string; sql: string }>`
    SELECT name, sql FROM sqlite_master
    WHERE type = 'index' AND tbl_name = 'facts' AND sql IS NOT NULL`.execute(trx);
  for (const index of indexes) await sql.raw(`DROP INDEX "${index.name}"`).execute(trx);
  return async () => {
    for (const index of indexes) await sql.raw(index.sql).execute(trx);
  };
}
