/** The bench table: one row per measure, printed aligned. */
export interface BenchRow {
  bench: string;
  measure: string;
  value: string;
  target: string;
}

export function printTable(rows: BenchRow[]): string {
  const cols = ["bench", "measure", "value", "target"] as const;
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [
    line([...cols]),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map((r) => line(cols.map((c) => r[c]))),
  ].join("\n");
}

/** Samples the resident set size every 50 ms; returns a function that stops and gives the peak in bytes. */
export function sampleRss(): () => number {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss());
  };
}

export const peakRssMb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
