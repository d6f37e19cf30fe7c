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

/**
 * A 64 MB page cache (main and temp) while importing, instead of the default 2 MB, so that
 * index pages stay in memory; bounded, and restored afterwards.
 */
export async function tuneSqliteForImport(db: Kysely<Database>): Promise<() => Promise<void>> {
  const { rows } = await sql.raw<{ cache_size: number }>("PRAGMA cache_size").execute(db);
  const before = Number(rows[0]?.cache_size ?? -2000);
  await sql.raw("PRAGMA cache_size = -65536").execute(db);
  await sql.raw("PRAGMA temp.cache_size = -65536").execute(db);
  return async () => {
    await sql.raw(`PRAGMA cache_size = ${before}`).execute(db);
  };
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
