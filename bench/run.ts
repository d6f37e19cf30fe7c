/**
 * `npm run bench`: every speed and memory target, printed as one table.
 * BENCH_ONLY=startup|scorecards|commands|http|limits|reminders|clv|themes runs one part (or several: scorecards,commands); BENCH_CUSTOMERS sets the ledger size (default 100,000).
 */
import { type BenchRow, printTable } from "./table.ts";

const only = process.env.BENCH_ONLY?.split(",");
const rows: BenchRow[] = [];
const parts: [string, () => Promise<BenchRow[]>][] = [
  ["startup", async () => (await import("./startup-bench.ts")).startupBench()],
  ["scorecards", async () => (await import("./scorecard-bench.ts")).scorecardBench()],
  ["commands", async () => (await import("./commands-bench.ts")).commandsBench()],
  ["http", async () => (await import("./http-bench.ts")).httpBench()],
  ["limits", async () => (await import("./timeline-bench.ts")).timelineBench()],
  ["themes", async () => (await import("./themes-bench.ts")).themesBench()],
  ["reminders", async () => (await import("./reminders-bench.ts")).remindersBench()],
  [
    "clv",
    async () => {
      const { clvBench, toBenchRows } = await import("./clv-bench.ts");
      return toBenchRows(await clvBench());
    },
  ],
];
for (const [name, run] of parts) {
  if (only && !only.includes(name)) continue;
  console.error(`running ${name}...`);
  try {
    rows.push(...(await run()));
  } catch (error) {
    rows.push({
      bench: name,
      measure: "error",
      value: (error as Error).message.slice(0, 120),
      target: "",
    });
  }
}
console.log(printTable(rows));
