/**
 * DuckDB's per-customer signals and segments as a command of its own, for the command bench
 * (commands-bench.ts), which times it from spawn to exit like the `comptoir` commands:
 * `node bin/run-ts.js bench/duckdb-child.ts <JSONL file or glob> <as-of YYYY-MM-DD>` writes
 * one JSON line `{customer, signals, segment}` per customer to stdout.
 */
import { duckdbScorecards } from "./duckdb-signals.ts";

const [file, asOf] = process.argv.slice(2);
if (!file || !asOf) {
  process.stderr.write("usage: duckdb-child.ts <file or glob> <as-of>\n");
  process.exit(2);
}
const cards = await duckdbScorecards(file, asOf);
let out = "";
for (const [customer, card] of cards) out += `${JSON.stringify({ customer, ...card })}\n`;
process.stdout.write(out);
