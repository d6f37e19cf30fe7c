/**
 * The commands as users run them (issue 13): `comptoir import <file> --db <new SQLite file>`,
 * `comptoir scorecards --json` and `comptoir portfolio --json`, each a child process timed
 * from spawn to exit with its stdout piped into a file (read to the end, backpressure
 * included), against DuckDB computing the same per-customer signals and segments as a child
 * process too (duckdb-child.ts, compiled like the commands). Medians of RUNS, on two ledgers written by independent
 * generators: A (generate-ledger.ts, the in-process scorecard bench's own) and B
 * (generate-ledger-b.ts: date order, offsets, corrections, redos, prospects, long texts, a
 * French CSV). The ledgers are generated once into .bench/ and reused.
 * BENCH_COMPTOIR=<path of another checkout's bin/comptoir.js> times that build instead (a
 * before/after comparison run back to back on a busy machine).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { once } from "node:events";
import {
  createWriteStream,
  existsSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { build, isBuildFresh, ROOT } from "../bin/ensure-built.js";
import { compareCards } from "./compare-cards.ts";
import type { ReferenceCard } from "./duckdb-signals.ts";
import { writeLedger } from "./generate-ledger.ts";
import { writeLedgerB } from "./generate-ledger-b.ts";
import { AS_OF } from "./scorecard-bench.ts";
import type { BenchRow } from "./table.ts";

const RUNS = 3;
const DIR = join(ROOT, ".bench");

interface Ledger {
  label: string;
  /** What `comptoir import` reads. */
  importFiles: string[];
  /** What DuckDB reads (a file or a glob). */
  duckdb: string;
  bytes: number;
}

/** Generator A's file, written once. */
async function ledgerA(customers: number): Promise<Ledger> {
  const file = join(DIR, `ledger-${customers}.jsonl`);
  if (!existsSync(file)) await writeLedger(file, { customers, asOf: AS_OF });
  return {
    label: "A (generate-ledger.ts)",
    importFiles: [file],
    duckdb: file,
    bytes: statSync(file).size,
  };
}

/** Generator B's folder, written once (a stamp file marks it complete). */
async function ledgerB(customers: number): Promise<Ledger> {
  // -b2: since credit notes joined the ledger (a folder of the earlier generator is not reused).
  const dir = join(DIR, `ledger-b2-${customers}`);
  const stamp = join(dir, "complete.json");
  if (!existsSync(stamp)) {
    const files = await writeLedgerB(dir, { customers, asOf: AS_OF });
    writeFileSync(stamp, JSON.stringify(files));
  }
  const files = JSON.parse(readFileSync(stamp, "utf8")) as {
    importFiles: string[];
    duckdbGlob: string;
  };
  return {
    label: "B (generate-ledger-b.ts)",
    importFiles: files.importFiles.map((f) => resolve(ROOT, f)),
    duckdb: resolve(ROOT, files.duckdbGlob),
    bytes: files.importFiles.reduce((sum, f) => sum + statSync(resolve(ROOT, f)).size, 0),
  };
}

interface Run {
  ms: number;
  bytes: number;
  sha256: string;
}

/** Runs `node <args>` from spawn to exit, its stdout piped into `out`; fails on a non-zero exit. */
async function timeChild(args: string[], out: string): Promise<Run> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  const file = createWriteStream(out);
  const hash = createHash("sha256");
  let bytes = 0;
  child.stdout.on("data", (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  child.stdout.pipe(file);
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const [code] = (await once(child, "close")) as [number | null];
  const ms = performance.now() - t0;
  if (!file.writableFinished) await once(file, "finish");
  if (code !== 0) throw new Error(`node ${args.join(" ")} exited ${code}: ${stderr.slice(0, 300)}`);
  return { ms, bytes, sha256: hash.digest("hex") };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Per-customer signals and segment from `scorecards --json` output and DuckDB's JSON lines. */
function cardsOf(scorecardsJson: string, duckdbLines: string) {
  const ours = new Map<string, ReferenceCard>();
  for (const c of JSON.parse(scorecardsJson) as {
    customer: string;
    segment: string | null;
    signals: { code: string }[];
  }[])
    ours.set(c.customer, { signals: c.signals.map((s) => s.code).sort(), segment: c.segment });
  const theirs = new Map<string, ReferenceCard>();
  for (const line of duckdbLines.split("\n")) {
    if (!line) continue;
    const c = JSON.parse(line) as { customer: string } & ReferenceCard;
    theirs.set(c.customer, { signals: c.signals, segment: c.segment });
  }
  return compareCards(ours, theirs, 3);
}

async function benchLedger(ledger: Ledger, tag: string): Promise<BenchRow[]> {
  const db = join(DIR, `commands-${tag}${process.env.BENCH_COMPTOIR ? "-other" : ""}.sqlite`);
  const out = (name: string) =>
    join(DIR, `commands-${tag}${process.env.BENCH_COMPTOIR ? "-other" : ""}-${name}.out`);
  const bin = resolve(ROOT, process.env.BENCH_COMPTOIR ?? "bin/comptoir.js");
  const cli = (...args: string[]) => [bin, ...args, "--db", db];
  const report = ["--json", "--as-of", AS_OF];
  const runs: Record<"import" | "scorecards" | "portfolio" | "duckdb", Run[]> = {
    import: [],
    scorecards: [],
    portfolio: [],
    duckdb: [],
  };
  for (let i = 0; i < RUNS; i++) {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
    console.error(`  ${tag} run ${i + 1}/${RUNS}`);
    runs.import.push(await timeChild(cli("import", ...ledger.importFiles), out("import")));
    runs.scorecards.push(await timeChild(cli("scorecards", ...report), out("scorecards")));
    runs.portfolio.push(await timeChild(cli("portfolio", ...report), out("portfolio")));
    runs.duckdb.push(await timeChild([DUCKDB_CHILD, ledger.duckdb, AS_OF], out("duckdb")));
  }
  const m = Object.fromEntries(
    Object.entries(runs).map(([k, v]) => [k, median(v.map((r) => r.ms))]),
  ) as Record<keyof typeof runs, number>;
  const stable = (rs: Run[]) =>
    new Set(rs.map((r) => r.sha256)).size === 1
      ? rs[0].sha256.slice(0, 16)
      : "differs between runs";
  const agree = cardsOf(
    readFileSync(out("scorecards"), "utf8"),
    readFileSync(out("duckdb"), "utf8"),
  );
  const row = (measure: string, value: string, target = ""): BenchRow => ({
    bench: "commands",
    measure: `${tag}: ${measure}`,
    value,
    target,
  });
  return [
    row(
      `ledger ${ledger.label}`,
      `${(ledger.bytes / 1e6).toFixed(0)} MB, ${ledger.importFiles.length} file(s)`,
    ),
    row(`comptoir import, new SQLite (median of ${RUNS})`, secs(m.import)),
    row(
      `comptoir scorecards --json (median of ${RUNS})`,
      `${secs(m.scorecards)}, ${(runs.scorecards[0].bytes / 1e6).toFixed(0)} MB`,
    ),
    row(`comptoir portfolio --json (median of ${RUNS})`, secs(m.portfolio), "<= 3 s"),
    row(`DuckDB per-customer signals, child (median of ${RUNS})`, secs(m.duckdb)),
    row(
      "ratio (import + scorecards --json) / DuckDB",
      `${((m.import + m.scorecards) / m.duckdb).toFixed(1)}x`,
      "<= 8x",
    ),
    row("scorecards --json sha256", stable(runs.scorecards)),
    row("portfolio --json sha256", stable(runs.portfolio)),
    row("scorecards --json against DuckDB", agree),
  ];
}

/**
 * duckdb-child.ts compiled to JavaScript once, so that DuckDB starts as the compiled `comptoir`
 * does: without tsx, whose start (some 0.3 s) would otherwise flatter the ratio.
 */
const DUCKDB_CHILD = join(DIR, "duckdb-child.mjs");

async function compileDuckdbChild(): Promise<void> {
  const esbuild = await import("esbuild");
  await esbuild.build({
    entryPoints: [join(ROOT, "bench/duckdb-child.ts")],
    outfile: DUCKDB_CHILD,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: ["@duckdb/node-api"],
    logLevel: "warning",
  });
}

export async function commandsBench(
  customers = Number(process.env.BENCH_CUSTOMERS ?? 100_000),
): Promise<BenchRow[]> {
  if (!isBuildFresh()) build({ quiet: true });
  await mkdir(DIR, { recursive: true });
  await compileDuckdbChild();
  const rows: BenchRow[] = [];
  rows.push(...(await benchLedger(await ledgerA(customers), "A")));
  rows.push(...(await benchLedger(await ledgerB(customers), "B")));
  return rows;
}
