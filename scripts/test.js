#!/usr/bin/env node
// `npm test`: the whole suite on SQLite, then the same suite on PostgreSQL.
// PostgreSQL: COMPTOIR_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/test). When it
// cannot be reached the PostgreSQL run is skipped with a message, except in CI (CI=true or
// COMPTOIR_REQUIRE_PG=1), where that is a failure. Extra arguments go to vitest.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

const pgUrl = process.env.COMPTOIR_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const requirePg = process.env.CI === "true" || process.env.COMPTOIR_REQUIRE_PG === "1";
const extra = process.argv.slice(2);

const reports = mkdtempSync(join(tmpdir(), "comptoir-test-"));
const totals = { passed: 0, failed: 0, skipped: 0 };

function runSuite(dialect, args = ["vitest", "run", ...extra]) {
  console.log(`\n=== Test suite on ${dialect} ===`);
  const report = join(reports, `${Object.values(totals).join("-")}-${Date.now()}.json`);
  const result = spawnSync(
    "npx",
    [...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    {
      stdio: "inherit",
      env: { ...process.env, COMPTOIR_TEST_DB: dialect, COMPTOIR_TEST_PG_URL: pgUrl },
    },
  );
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, "utf8"));
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    totals.skipped += json.numPendingTests + json.numTodoTests;
  } else if (result.status !== 0) {
    totals.failed += 1;
  }
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
  console.error(
    `\nPostgreSQL is required here (CI) but ${pgUrl} cannot be reached: ${reachable.message}`,
  );
  pgStatus = 1;
} else {
  console.log(
    `\nPostgreSQL suite skipped: ${pgUrl} cannot be reached (${reachable.message}).\n` +
      "Run it with a PostgreSQL server: COMPTOIR_TEST_PG_URL=postgres://user@host:5432/db npm test",
  );
}
// Browser tests: a real server on SQLite and Debian's chromium.
// COMPTOIR_CHROMIUM (CHROMIUM_PATH as an alias), the same as e2e/launch-browser.ts reads.
const chromium = process.env.COMPTOIR_CHROMIUM ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
let e2eStatus = 0;
let e2eState = "skipped";
if (extra.length > 0) {
  e2eState = "not run (arguments given)";
} else if (existsSync(chromium)) {
  e2eStatus = runSuite("a real browser (e2e)", [
    "vitest",
    "run",
    "--config",
    "e2e/vitest.config.ts",
  ]);
  e2eState = e2eStatus === 0 ? "passed" : "FAILED";
} else if (requirePg) {
  console.error(
    `\nBrowser tests are required here (CI) but ${chromium} is missing: apt-get install chromium`,
  );
  e2eStatus = 1;
  e2eState = "FAILED (no chromium)";
} else {
  console.log(
    `\nBrowser tests skipped: ${chromium} is missing (apt-get install chromium, then npm run test:e2e).`,
  );
}
const failed = sqliteStatus !== 0 || pgStatus !== 0 || e2eStatus !== 0;
console.log(
  `\nSQLite suite: ${sqliteStatus === 0 ? "passed" : "FAILED"}; PostgreSQL suite: ${reachable === true ? (pgStatus === 0 ? "passed" : "FAILED") : requirePg ? "FAILED (unreachable)" : "skipped"}; browser tests: ${e2eState}`,
);
rmSync(reports, { recursive: true, force: true });
// The plain closing line, for whoever reads the end of the log.
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed ? 1 : 0);
