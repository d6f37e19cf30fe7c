/**
 * A PostgreSQL connection that ends (a server restart, a failover, an administrator's
 * pg_terminate_backend) must not take the process down: the pool drops it and opens another
 * (issue 15). Only the test's own connections are terminated, found by their application_name.
 */
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "./database.ts";
import { freshSchemaName, TEST_PG_URL, testDialects } from "./test-stores.ts";

const onPostgres = testDialects().includes("postgres");

async function terminate(applicationName: string): Promise<number> {
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    const result = await admin.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1",
      [applicationName],
    );
    return result.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe.runIf(onPostgres)("a PostgreSQL connection that ends", () => {
  let store: Store | undefined;
  const schema = freshSchemaName();
  afterEach(async () => {
    await store?.db.schema.dropSchema(schema).ifExists().cascade().execute();
    await store?.close();
  });

  it("is replaced: the process lives on and the next queries answer", async () => {
    expect.assertions(3);
    const name = `comptoir-test-${randomBytes(4).toString("hex")}`;
    const url = new URL(TEST_PG_URL);
    url.searchParams.set("application_name", name);
    store = await openStore(url.toString(), { schema });
    const db = store.db;
    // Several pooled connections, idle when they are terminated.
    await Promise.all(Array.from({ length: 4 }, () => sql`select pg_sleep(0.05)`.execute(db)));
    expect(await terminate(name)).toBeGreaterThan(0);
    // Let the ended connections' errors arrive (they would kill the process unhandled).
    await new Promise((resolve) => setTimeout(resolve, 300));
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => sql<{ n: number }>`select ${i}::int as n`.execute(db)),
    );
    expect(answers.map((a) => a.rows[0]?.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Under load: terminated while queries run; those fail, the ones after answer.
    const running = Array.from({ length: 4 }, () =>
      sql`select pg_sleep(0.3)`.execute(db).then(
        () => "ok",
        () => "failed",
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await terminate(name);
    await Promise.all(running);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await Promise.all(
      Array.from({ length: 8 }, () => sql<{ ok: number }>`select 1 as ok`.execute(db)),
    );
    expect(after.every((a) => a.rows[0]?.ok === 1)).toBe(true);
  });
});
