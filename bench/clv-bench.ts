/**
 * Customer-value model fit times: the full CDNOW cohort (CDNOW_master.txt, 23,570 customers,
 * calibration to 1997-09-30) and 1,000,000 customers simulated from the model, against the
 * reference timings of Python lifetimes' BetaGeoFitter (0.22 s and 9 s).
 * Standalone: `node bin/run-ts.js bench/clv-bench.ts` prints the table.
 * CDNOW_DIR overrides the data folder (default ../shared/data/cdnow beside the repository).
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CDNOW_CALIBRATION_END, parseCdnowTransactions } from "../src/domain/clv/cdnow-fixture.ts";
import { fitBgNbd } from "../src/domain/clv/fit-bg-nbd.ts";
import { fitGammaGamma } from "../src/domain/clv/fit-gamma-gamma.ts";
import { compressRows } from "../src/domain/clv/frequency-rows.ts";
import { simulateBgNbd } from "../src/domain/clv/simulate-bg-nbd.ts";
import { summarizeTransactions } from "../src/domain/clv/summarize-transactions.ts";
import type { BenchRow } from "./table.ts";

export interface Row {
  name: string;
  value: number;
  unit: string;
  /** The reference to beat (lifetimes' timing), or "" when there is none. */
  target: number | string;
}

const DATA_DIR =
  process.env.CDNOW_DIR ?? fileURLToPath(new URL("../../shared/data/cdnow/", import.meta.url));
/** The CDNOW fit of the published parameters on the 1/10 sample, used for the simulations. */
const SIMULATED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, (performance.now() - start) / 1000];
}

const parameter = (name: string, value: number): Row => ({
  name,
  value: Number(value.toPrecision(6)),
  unit: "",
  target: "",
});
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (seconds: number) => Math.round(seconds * 1e4) / 1e4;

function cdnowRows(): Row[] {
  const file = `${DATA_DIR}/CDNOW_master.txt`;
  if (!existsSync(file))
    return [{ name: `CDNOW_master.txt not found in ${DATA_DIR}`, value: 0, unit: "", target: "" }];
  const [tx, parseS] = time(() => parseCdnowTransactions(readFileSync(file, "utf8")));
  const [summary, summarizeS] = time(() => summarizeTransactions(tx, CDNOW_CALIBRATION_END));
  const [cold, coldS] = time(() => fitBgNbd(summary));
  const warm = Array.from({ length: 5 }, () => time(() => fitBgNbd(summary))[1]);
  const [spend, spendS] = time(() => fitGammaGamma(summary));
  const label = `CDNOW_master (${summary.length} customers, ${tx.length} tx)`;
  return [
    { name: `${label}: read + parse`, value: round(parseS), unit: "s", target: "" },
    { name: `${label}: summarise`, value: round(summarizeS), unit: "s", target: "" },
    { name: `${label}: BG/NBD fit, first call`, value: round(coldS), unit: "s", target: 0.22 },
    {
      name: `${label}: BG/NBD fit, median of 5`,
      value: round(median(warm)),
      unit: "s",
      target: 0.22,
    },
    ...(["r", "alpha", "a", "b", "ll"] as const).map((key) =>
      parameter(`${label}: BG/NBD ${key}`, cold[key]),
    ),
    {
      name: `${label}: Gamma-Gamma fit (${spend.customers} repeaters)`,
      value: round(spendS),
      unit: "s",
      target: "",
    },
    ...(["p", "q", "gamma"] as const).map((key) =>
      parameter(`${label}: Gamma-Gamma ${key}`, spend[key]),
    ),
  ];
}

function simulatedRows(customers: number): Row[] {
  const rows: Row[] = [];
  for (const days of [true, false]) {
    const kind = days ? "day resolution" : "continuous times";
    const [data, simulateS] = time(() =>
      simulateBgNbd(SIMULATED, { customers, seed: 20250101, observationWeeks: [27, 39], days }),
    );
    const [compressed, compressS] = time(() => compressRows(data));
    const [fit, fitS] = time(() => fitBgNbd(compressed));
    const label = `${customers} simulated, ${kind}`;
    rows.push(
      { name: `${label}: simulate`, value: round(simulateS), unit: "s", target: "" },
      {
        name: `${label}: unique (x, t_x, T) rows`,
        value: compressed.w.length,
        unit: "rows",
        target: "",
      },
      {
        name: `${label}: compress + BG/NBD fit`,
        value: round(compressS + fitS),
        unit: "s",
        target: 9,
      },
      { name: `${label}: of which the fit`, value: round(fitS), unit: "s", target: "" },
      {
        name: `${label}: iterations, converged`,
        value: fit.iterations,
        unit: String(fit.converged),
        target: "",
      },
    );
  }
  return rows;
}

export async function clvBench(
  customers = Number(process.env.BENCH_CLV_CUSTOMERS ?? 1_000_000),
): Promise<Row[]> {
  return [...cdnowRows(), ...simulatedRows(customers)];
}

/** The rows in the shape of bench/table.ts, for bench/run.ts. */
export function toBenchRows(rows: readonly Row[]): BenchRow[] {
  return rows.map((r) => ({
    bench: "clv",
    measure: r.name,
    value: r.unit === "" ? String(r.value) : `${r.value} ${r.unit}`,
    target: r.target === "" ? "" : `lifetimes ${r.target} s`,
  }));
}

// Standalone run (`node bin/run-ts.js bench/clv-bench.ts`): bin/run-ts.js puts the file in argv[1].
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.table(await clvBench());
}
