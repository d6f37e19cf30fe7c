/**
 * Test support: which dialects to run the store suites on, and a fresh store per call.
 * `COMPTOIR_TEST_DB` is a comma list (default "sqlite"); `npm test` runs the suite once with
 * "sqlite" and once with "postgres" (see scripts/test.js). PostgreSQL stores get a fresh schema.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openStore, type Store } from "./database.ts";
import type { DialectName } from "./dialect.ts";

export const TEST_PG_URL =
  process.env.COMPTOIR_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export function testDialects(): DialectName[] {
  const list = (process.env.COMPTOIR_TEST_DB ?? "sqlite").split(",").map((s) => s.trim());
  return list.filter((d): d is DialectName => d === "sqlite" || d === "postgres");
}

/** A fresh SQLite file path in a new temporary folder. */
export function tempSqlitePath(): string {
  return join(mkdtempSync(join(tmpdir(), "comptoir-test-")), "comptoir.sqlite");
}

/** A fresh, unique PostgreSQL schema name. */
export function freshSchemaName(): string {
  return `t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

/** A fresh, empty, migrated store. `url` tells a child process how to reach the same store. */
export async function openTestStore(
  dialect: DialectName,
): Promise<Store & { url: string; schema?: string }> {
  if (dialect === "sqlite") {
    const path = tempSqlitePath();
    return Object.assign(await openStore(path), { url: path });
  }
  const schema = freshSchemaName();
  const store = await openStore(TEST_PG_URL, { schema });
  const close = store.close;
  return Object.assign(store, {
    url: TEST_PG_URL,
    schema,
    close: async () => {
      await close();
      await dropSchema(schema);
    },
  });
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
