/**
 * Opens the store: SQLite (embedded file, default) or PostgreSQL (a postgres:// URL),
 * applies the migrations, and refuses a database that has a migration this code does not know.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import type pgModule from "pg";
import { AppError } from "../domain/errors.ts";
import { type DialectName, isPostgresUrl } from "./dialect.ts";
import { migrations } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

export const DEFAULT_SQLITE_PATH = "./data/comptoir.sqlite";

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where it is, without credentials: a file path or host/database. */
  location: string;
  /** PostgreSQL schema in use, when not the default search path. */
  schema?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL only: the schema to use (created if missing). Tests use one per run. */
  schema?: string;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
}

/** Resolves the database location from --db, then COMPTOIR_DB, then DATABASE_URL. */
export function resolveDatabaseUrl(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.COMPTOIR_DB || env.DATABASE_URL || DEFAULT_SQLITE_PATH;
}

/**
 * @example const store = await openStore("./data/comptoir.sqlite")
 */
export async function openStore(url: string, options: OpenOptions = {}): Promise<Store> {
  const store = isPostgresUrl(url)
    ? await openPostgres(...splitSchema(url, options.schema))
    : openSqlite(url.replace(/^(sqlite|file):(\/\/)?/, ""));
  if (options.migrate !== false) {
    try {
      await migrateToLatest(store.db, store.schema);
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

/** `postgres://.../db?schema=name` selects a schema, like the `schema` option. */
function splitSchema(url: string, schema?: string): [string, string | undefined] {
  const parsed = new URL(url);
  const fromUrl = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  return [parsed.toString(), schema ?? fromUrl];
}

function openSqlite(path: string): Store {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  let database: SQLite.Database;
  try {
    database = new SQLite(path);
  } catch (error) {
    throw new AppError(
      "DATABASE_UNREACHABLE",
      `cannot open SQLite file ${path}: ${(error as Error).message}`,
    );
  }
  // 8 kB pages for a new file (an existing one keeps its own: the pragma then does nothing):
  // fewer, fuller pages for the facts and their indexes, 2 s of the 32 s of importing 1.3
  // million facts (docs/scoring.md). SQLite's default is 4 kB.
  database.pragma("page_size = 8192");
  // The timeout first: a large import may hold the file in rollback mode for a while
  // (store/import-sqlite.ts), and switching to WAL then waits for it.
  database.pragma("busy_timeout = 5000");
  try {
    database.pragma("journal_mode = WAL");
  } catch (error) {
    database.close();
    throw new AppError(
      "DATABASE_UNREACHABLE",
      `cannot open SQLite file ${path}: it is busy (${(error as Error).message}); a large import may be running, try again when it ends`,
    );
  }
  database.pragma("synchronous = NORMAL");
  database.pragma("foreign_keys = ON");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: "sqlite", location: path, close: () => db.destroy() };
}

async function openPostgres(url: string, schema?: string): Promise<Store> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new AppError(
      "BAD_INPUT",
      `schema: must be lower-case letters, digits and _ (got "${schema}")`,
    );
  }
  // The PostgreSQL driver loads only when a PostgreSQL URL is opened (not for SQLite).
  const [{ default: pg }, { default: Cursor }] = await Promise.all([
    import("pg"),
    import("pg-cursor"),
  ]);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // A server that does not answer (a network cut, a failover in progress) fails the
    // connection after 5 s instead of leaving requests waiting: they get 503 and retry.
    connectionTimeoutMillis: 5000,
    // Notices a connection that the network dropped without a word while it sat idle.
    keepAlive: true,
    options: schema ? `-c search_path=${schema}` : undefined,
    // COUNT(*) and bigserial come back as int8: read them as numbers (always far below 2^53 here).
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === 20
          ? (v: string) => Number(v)
          : pg.types.getTypeParser(oid, format)) as typeof pgModule.types.getTypeParser,
    },
  });
  // A connection that ends (a server restart, a failover, pg_terminate_backend) emits 'error'
  // on its client, and on the pool while idle: unheard, that killed the process. The pool drops
  // such a client and opens another when one is needed; a query running on it fails alone.
  // Said in both languages, like the server's other console lines before an organization is known.
  const connectionEnded = (error: Error) =>
    console.warn(
      `comptoir : une connexion à PostgreSQL s'est terminée, elle sera remplacée / a PostgreSQL connection ended, it will be replaced (${error.message})`,
    );
  pool.on("connect", (client) => client.on("error", connectionEnded));
  // The pool passes an idle client's error on as well: already said by the client's listener.
  pool.on("error", () => {});
  const parsed = new URL(url);
  const location = `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}${schema ? ` (schema ${schema})` : ""}`;
  try {
    const client = await pool.connect();
    try {
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw new AppError(
      "DATABASE_UNREACHABLE",
      `cannot reach PostgreSQL at ${location}: ${(error as Error).message}`,
    );
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
  return { db, dialect: "postgres", location, schema, close: () => db.destroy() };
}

/** Applies pending migrations; a database migrated by a newer version is refused. */
export async function migrateToLatest(db: Kysely<Database>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    // Without it, Kysely on PostgreSQL would see another schema's migration table as ours.
    migrationTableSchema: schema,
    provider: { getMigrations: async () => migrations },
  });
  let { error, results } = await migrator.migrateToLatest();
  // To find its own tables, Kysely's migrator lists the tables of every schema: on PostgreSQL,
  // a schema dropped meanwhile by another client (tests drop theirs) makes that query fail
  // with "schema ... does not exist" for that other schema. Nothing was applied then: again.
  for (let attempt = 0; attempt < 5 && error && droppedMeanwhile(error, schema); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error) {
    const message = (error as Error).message ?? String(error);
    const unknown = /previously executed migration (\S+) is missing/.exec(message);
    if (unknown) {
      throw new AppError(
        "DATABASE_UNKNOWN_MIGRATION",
        `the database has migration ${unknown[1]}, which this version of Comptoir does not know: upgrade Comptoir, or use another database`,
      );
    }
    const failed = results?.find((r) => r.status === "Error");
    throw new AppError(
      "DATABASE_UNREACHABLE",
      `migration ${failed?.migrationName ?? "?"} failed: ${message}`,
    );
  }
}

/** Whether a migration failed because a schema other than ours vanished during its lookup. */
function droppedMeanwhile(error: unknown, schema: string | undefined): boolean {
  const missing = /schema "([^"]+)" does not exist/.exec((error as Error)?.message ?? "");
  return missing !== null && missing[1] !== schema;
}
