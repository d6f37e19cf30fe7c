#!/usr/bin/env node
// `npm test`: the whole suite on SQLite, then the same suite on PostgreSQL.
// PostgreSQL: COMPTOIR_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/test). When it
// cannot be reached the PostgreSQL run is skipped with a message, except in CI (CI=true or
// COMPTOIR_REQUIRE_PG=1), where that is a failure. Extra arguments go to vitest.
import { spawnSync } from "node:child_process";
import pg from "pg";

const pgUrl = process.env.COMPTOIR_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const requirePg = process.env.CI === "true" || process.env.COMPTOIR_REQUIRE_PG === "1";
const extra = process.argv.slice(2);

function runSuite(dialect) {
  console.log(`\n=== Test suite on ${dialect} ===`);
  const result = spawnSync("npx", ["vitest", "run", ...extra], {
    stdio: "inherit",
    env: { ...process.env, COMPTOIR_TEST_DB: dialect, COMPTOIR_TEST_PG_URL: pgUrl },
  });
  return result.status ?? 1;
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch (error) {
    return error;
  } finally {
    await client.end().catch(() => {});
  }
}

const sqliteStatus = runSuite("sqlite");
const reachable = await postgresReachable();
let pgStatus = 0;
if (reachable === true) {
  pgStatus = runSuite("postgres");
} else if (requirePg) {
  console.error(`\nPostgreSQL is required here (CI) but ${pgUrl} cannot be reached: ${reachable.message}`);
  pgStatus = 1;
} else {
  console.log(
    `\nPostgreSQL suite skipped: ${pgUrl} cannot be reached (${reachable.message}).\n` +
      "Run it with a PostgreSQL server: COMPTOIR_TEST_PG_URL=postgres://user@host:5432/db npm test",
  );
}
const failed = sqliteStatus !== 0 || pgStatus !== 0;
console.log(`\nSQLite suite: ${sqliteStatus === 0 ? "passed" : "FAILED"}; PostgreSQL suite: ${reachable === true ? (pgStatus === 0 ? "passed" : "FAILED") : requirePg ? "FAILED (unreachable)" : "skipped"}`);
process.exit(failed ? 1 : 0);
