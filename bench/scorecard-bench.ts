/**
 * Import + scorecards on a large synthetic ledger (100,000 customers, about 1.35 million
 * facts), against DuckDB computing the same signal counts from the same JSONL file.
 * Also: the time to read one customer's scorecard after one new fact.
 */
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { importLedger } from "../src/app/import-ledger.ts";
import { ScorecardIndex } from "../src/app/scorecard-index.ts";
import { openStore } from "../src/store/database.ts";
import { ensureOrganization } from "../src/store/organization-repository.ts";
import { duckdbSignalCounts } from "./duckdb-signals.ts";
import { writeLedger } from "./generate-ledger.ts";
import type { BenchRow } from "./table.ts";
import { peakRssMb, sampleRss } from "./table.ts";

export const AS_OF = "2026-06-30";

export async function scorecardBench(
  customers = Number(process.env.BENCH_CUSTOMERS ?? 100_000),
): Promise<BenchRow[]> {
  const dir = ".bench";
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `ledger-${customers}.jsonl`);
  if (!existsSync(file)) await writeLedger(file, { customers, asOf: AS_OF });
  const sizeMb = statSync(file).size / 1e6;

  const dbPath = join(dir, `bench-${customers}.sqlite`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(dbPath + suffix, { force: true });
  const store = await openStore(dbPath);
  const org = await ensureOrganization(store, "bench");
  const stopSampling = sampleRss();
  const t0 = performance.now();
  const report = await importLedger(store, { orgId: org.id, files: [file] });
  const t1 = performance.now();
  if (!report.ok)
    throw new Error(`bench import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
  const asOf = Date.parse(`${AS_OF}T23:59:59.999Z`);
  const index = await ScorecardIndex.build(store, org, { asOf, lang: "fr" });
  const scorecards = index.all();
  const t2 = performance.now();
  const peak = stopSampling();
  const ours = countSignals(scorecards);

  // One new fact, then one customer's scorecard.
  const extra = join(dir, "one-fact.jsonl");
  writeFileSync(
    extra,
    `${JSON.stringify({ type: "chase", id: `bench-chase-${Date.now()}`, customer: "c1", at: AS_OF })}\n`,
  );
  await importLedger(store, { orgId: org.id, files: [extra] });
  const t3 = performance.now();
  await index.refresh();
  const one = index.scorecard("c1");
  const oneMs = performance.now() - t3;
  if (!one?.signals.some((s) => s.code === "missing_inputs" || s.evidence.length > 0)) {
    throw new Error("the refreshed scorecard of c1 is missing");
  }
  await store.close();

  const d0 = performance.now();
  const theirs = await duckdbSignalCounts(file, AS_OF);
  const duckMs = performance.now() - d0;
  const oursMs = t2 - t0;
  const mismatches = Object.keys({ ...ours, ...theirs }).filter(
    (k) => (ours[k] ?? 0) !== (theirs[k] ?? 0),
  );

  return [
    {
      bench: "scorecards",
      measure: `ledger (${customers} customers)`,
      value: `${report.totalFacts ?? "?"} facts, ${sizeMb.toFixed(0)} MB`,
      target: "",
    },
    {
      bench: "scorecards",
      measure: "import (SQLite)",
      value: `${((t1 - t0) / 1000).toFixed(1)} s`,
      target: "",
    },
    {
      bench: "scorecards",
      measure: "scorecards, all customers",
      value: `${((t2 - t1) / 1000).toFixed(1)} s`,
      target: "",
    },
    {
      bench: "scorecards",
      measure: "DuckDB, same signal counts",
      value: `${(duckMs / 1000).toFixed(1)} s`,
      target: "",
    },
    {
      bench: "scorecards",
      measure: "ratio (import + scorecards) / DuckDB",
      value: `${(oursMs / duckMs).toFixed(1)}x`,
      target: "<= 10x (goal 3x)",
    },
    {
      bench: "scorecards",
      measure: "signal counts equal DuckDB's",
      value:
        mismatches.length === 0
          ? "yes"
          : `no: ${mismatches.map((k) => `${k} ${ours[k] ?? 0}/${theirs[k] ?? 0}`).join(", ")}`,
      target: "yes",
    },
    {
      bench: "scorecards",
      measure: "peak RSS (import + scorecards)",
      value: `${peakRssMb(peak)} MB`,
      target: "",
    },
    {
      bench: "scorecards",
      measure: "one scorecard after one new fact",
      value: `${oneMs.toFixed(1)} ms`,
      target: "< 10 ms",
    },
  ];
}

function countSignals(scorecards: { signals: { code: string }[] }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const card of scorecards) {
    for (const s of card.signals) counts[s.code] = (counts[s.code] ?? 0) + 1;
  }
  return counts;
}
