/**
 * The models checked against the CDNOW reference data and its published fits
 * (../shared/data/cdnow/README.md). Skipped, with a message, when the data is absent; a
 * failure in CI (src/test-shared-data.ts).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sharedFile } from "../../test-shared-data.ts";
import { conditionalExpectedPurchases } from "./bg-nbd-predictions.ts";
import {
  CDNOW_CALIBRATION_END,
  CDNOW_HOLDOUT_END,
  type CdnowSummaryRow,
  type CdnowTransaction,
  parseCdnowSummary,
  parseCdnowTransactions,
} from "./cdnow-fixture.ts";
import { type BgNbdFit, fitBgNbd } from "./fit-bg-nbd.ts";
import { fitGammaGamma } from "./fit-gamma-gamma.ts";
import { type CustomerSummary, summarizeTransactions, utcDay } from "./summarize-transactions.ts";

const FILES = ["CDNOW_sample.txt", "cdnow_customers_summary_with_transactions.csv"];
const paths = FILES.map((name) => sharedFile(`data/cdnow/${name}`));
const present = paths.every((p) => p !== undefined);
const read = (name: string) => readFileSync(join(dirname(paths[0] as string), name), "utf8");

const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, ll: -9582.4 };
const PUBLISHED_SPEND = { p: 6.25, q: 3.74, gamma: 15.44 };
const within = (actual: number, expected: number, relative: number) =>
  expect(Math.abs(actual / expected - 1)).toBeLessThan(relative);

describe.skipIf(!present)("CDNOW reference data", () => {
  // Every check below asserts something: none can pass by running no expect().
  beforeEach(() => {
    expect.hasAssertions();
  });
  let summary: CdnowSummaryRow[];
  let sample: CdnowTransaction[];
  let rebuilt: CustomerSummary[];
  beforeAll(() => {
    summary = parseCdnowSummary(read("cdnow_customers_summary_with_transactions.csv"));
    sample = parseCdnowTransactions(read("CDNOW_sample.txt"));
    rebuilt = summarizeTransactions(sample, CDNOW_CALIBRATION_END);
  });

  it("rebuilds the published summary from the 2,357 customers' transactions", () => {
    const sampleId = new Map(sample.map((t) => [t.customer, Number(t.sampleId)]));
    const byId = new Map(rebuilt.map((row) => [sampleId.get(row.customer), row]));
    expect(summary).toHaveLength(2357);
    expect(byId.size).toBe(2357);
    for (const row of summary) {
      const ours = byId.get(Number(row.id));
      expect(ours?.x).toBe(row.x);
      // The file rounds to two decimals: 0.005, plus float noise.
      expect(Math.abs((ours?.t_x ?? Number.NaN) - row.t_x)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs((ours?.T ?? Number.NaN) - row.T)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs((ours?.monetary ?? Number.NaN) - row.zbar)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
    expect(rebuilt.reduce((s, r) => s + r.x, 0)).toBe(2457);
    expect(rebuilt.filter((r) => r.x === 0)).toHaveLength(1411);
  });

  it.each([
    ["the published summary file", () => summary],
    ["the summary rebuilt from the transactions", () => rebuilt],
  ])("fits the published BG/NBD parameters on %s", (_, rows) => {
    const fit = fitBgNbd(rows());
    expect(fit.converged).toBe(true);
    for (const key of ["r", "alpha", "a", "b", "ll"] as const)
      within(fit[key], PUBLISHED[key], 0.01);
  });

  it.each([
    ["the published summary file", () => summary.map((r) => ({ x: r.x, monetary: r.zbar }))],
    ["the summary rebuilt from the transactions", () => rebuilt],
  ])("fits the published Gamma-Gamma parameters on the 946 repeaters of %s", (_, rows) => {
    expect(rows().filter((r) => r.x > 0)).toHaveLength(946);
    const fit = fitGammaGamma(rows());
    expect(fit.converged).toBe(true);
    for (const key of ["p", "q", "gamma"] as const) within(fit[key], PUBLISHED_SPEND[key], 0.01);
  });

  it("expects 1.226 purchases in 39 weeks from customer 1 (x = 2, t_x = 30.43, T = 38.86)", () => {
    const fit = fitBgNbd(summary);
    within(conditionalExpectedPurchases(fit, 39, 2, 30.43, 38.86), 1.226, 0.01);
  });

  describe("39-week holdout (1997-10-01 to 1998-06-30)", () => {
    let actual: number;
    let fit: BgNbdFit;
    const forecast = (params: { r: number; alpha: number; a: number; b: number }) =>
      summary.reduce((s, c) => s + conditionalExpectedPurchases(params, 39, c.x, c.t_x, c.T), 0);
    beforeAll(() => {
      const from = utcDay(CDNOW_CALIBRATION_END);
      const to = utcDay(CDNOW_HOLDOUT_END);
      const days = new Set<string>();
      for (const t of sample) {
        const day = utcDay(t.at);
        if (day > from && day <= to) days.add(`${t.customer}/${day}`);
      }
      actual = days.size;
      fit = fitBgNbd(summary);
    });

    it("counts 1,882 actual repeat purchase days", () => {
      expect(actual).toBe(1882);
    });

    it("forecasts the holdout as the published parameters do, about 12 % under the actual count", () => {
      const ours = forecast(fit);
      // The figures docs/clv.md quotes: 1,653.4 with our fit, 1,653.9 with the published
      // parameters (rounded to three digits), the same total within 0.5 %.
      expect(ours).toBeCloseTo(1653.4, 1);
      expect(forecast(PUBLISHED)).toBeCloseTo(1653.9, 1);
      within(ours, forecast(PUBLISHED), 0.005);
      // BG/NBD under-forecasts this holdout by 12.1 % (1,653 vs 1,882), mostly among
      // customers with one or two repeat purchases; docs/clv.md has the breakdown. Tolerance: 15 %.
      expect(ours).toBeLessThan(actual);
      within(ours, actual, 0.15);
    });
  });
});
