import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bgNbdLikelihood, bgNbdLogLikelihood } from "./bg-nbd-likelihood.ts";
import { expectedPurchases } from "./bg-nbd-predictions.ts";
import { ClvInputError, ClvInsufficientDataError } from "./clv-errors.ts";
import { fitBgNbd } from "./fit-bg-nbd.ts";
import { compressRows, type FrequencyRow } from "./frequency-rows.ts";
import { simulateBgNbd } from "./simulate-bg-nbd.ts";
import { summarizeTransactions } from "./summarize-transactions.ts";

const SMALL: FrequencyRow[] = [
  { x: 0, t_x: 0, T: 30 },
  { x: 0, t_x: 0, T: 30 },
  { x: 1, t_x: 4, T: 30 },
  { x: 3, t_x: 28, T: 30 },
  { x: 2, t_x: 5.5, T: 12 },
  { x: 7, t_x: 11, T: 12 },
];
const PARAMS = { r: 0.4, alpha: 3.2, a: 0.7, b: 2.9 };

describe("BG/NBD likelihood", () => {
  it("sums the per-customer log-likelihoods, identical rows merged with weights", () => {
    const direct = SMALL.reduce(
      (s, row) => s + bgNbdLogLikelihood(PARAMS, row.x, row.t_x, row.T),
      0,
    );
    const compressed = compressRows(SMALL);
    expect(compressed.w.length).toBe(SMALL.length - 1);
    expect(bgNbdLikelihood(PARAMS, compressed).ll).toBeCloseTo(direct, 10);
  });

  it("has an analytic gradient equal to central finite differences on log-parameters", () => {
    const rows = compressRows(SMALL);
    const theta = [PARAMS.r, PARAMS.alpha, PARAMS.a, PARAMS.b].map(Math.log);
    const at = (t: number[]) =>
      bgNbdLikelihood(
        { r: Math.exp(t[0]), alpha: Math.exp(t[1]), a: Math.exp(t[2]), b: Math.exp(t[3]) },
        rows,
      );
    const { grad } = at(theta);
    for (let i = 0; i < 4; i++) {
      const h = 1e-6;
      const up = theta.map((v, j) => (j === i ? v + h : v));
      const down = theta.map((v, j) => (j === i ? v - h : v));
      expect(grad[i]).toBeCloseTo((at(up).ll - at(down).ll) / (2 * h), 6);
    }
  });
});

describe("fitBgNbd", () => {
  it("recovers known parameters from 20,000 simulated customers", () => {
    const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    const rows = simulateBgNbd(truth, {
      customers: 20_000,
      seed: 20250101,
      observationWeeks: [52, 104],
    });
    const fit = fitBgNbd(rows);
    expect(fit.converged).toBe(true);
    // Over ten seeds r and α land within 4 % and a, b (strongly correlated, so less well
    // identified on one to two years of history) within 17 %.
    for (const [key, tolerance] of [
      ["r", 0.06],
      ["alpha", 0.06],
      ["a", 0.2],
      ["b", 0.2],
    ] as const) {
      expect(Math.abs(fit[key] / truth[key] - 1)).toBeLessThan(tolerance);
    }
    // The maximum is a maximum: the true parameters cannot score better.
    expect(bgNbdLikelihood(truth, compressRows(rows)).ll).toBeLessThanOrEqual(fit.ll);
    // What matters downstream, the expected purchases in a year, is recovered within 2 %.
    expect(Math.abs(expectedPurchases(fit, 52) / expectedPurchases(truth, 52) - 1)).toBeLessThan(
      0.02,
    );
  });

  it("gives the same fit on weighted rows as on the expanded rows", () => {
    const expanded = SMALL.flatMap((row) => [row, row, row]);
    const weighted = SMALL.map((row) => ({ ...row, weight: 3 }));
    const a = fitBgNbd(expanded);
    const b = fitBgNbd(weighted);
    expect(b.ll).toBeCloseTo(a.ll, 6);
    expect(b.r).toBeCloseTo(a.r, 5);
  });

  it.each([
    ["no customer", [], "no_customers"],
    ["one customer", [{ x: 2, t_x: 5, T: 10 }], "one_customer"],
    [
      "no repeat customer",
      [
        { x: 0, t_x: 0, T: 10 },
        { x: 0, t_x: 0, T: 20 },
      ],
      "no_repeat_customers",
    ],
  ])("refuses %s with CLV_INSUFFICIENT_DATA", (_, rows, reason) => {
    expect(() => fitBgNbd(rows as FrequencyRow[])).toThrow(
      expect.objectContaining({ code: "CLV_INSUFFICIENT_DATA", reason }),
    );
  });

  it("refuses a history where every purchase was made on one day", () => {
    const at = Date.UTC(2024, 4, 2, 10);
    const tx = ["a", "b", "c"].map((customer) => ({ customer, at, amount: 10 }));
    expect(() => fitBgNbd(summarizeTransactions(tx, at))).toThrow(
      expect.objectContaining({ reason: "no_observation_time" }),
    );
    expect(() => fitBgNbd(summarizeTransactions(tx, at + 30 * 86_400_000))).toThrow(
      expect.objectContaining({ reason: "no_repeat_customers" }),
    );
    expect(() => fitBgNbd([])).toThrow(ClvInsufficientDataError);
  });

  it.each([
    ["rows[1].x", { x: 1.5, t_x: 1, T: 2 }],
    ["rows[1].t_x", { x: 1, t_x: 3, T: 2 }],
    ["rows[1].T", { x: 0, t_x: 0, T: Number.NaN }],
    ["rows[1].weight", { x: 0, t_x: 0, T: 1, weight: 0 }],
  ])("rejects a bad %s by name", (field, bad) => {
    expect(() => fitBgNbd([SMALL[2], bad])).toThrow(expect.objectContaining({ field }));
    expect(() => fitBgNbd([SMALL[2], bad])).toThrow(ClvInputError);
  });

  it("never returns NaN: any small history gives finite parameters or a typed error", () => {
    const row = fc
      .record({
        x: fc.integer({ min: 0, max: 6 }),
        T: fc.integer({ min: 0, max: 60 }),
        f: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(({ x, T, f }) => ({ x, T, t_x: x === 0 ? 0 : Math.round(f * T) }));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        try {
          const fit = fitBgNbd(rows);
          return [fit.r, fit.alpha, fit.a, fit.b, fit.ll].every(Number.isFinite);
        } catch (error) {
          return error instanceof ClvInsufficientDataError;
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
