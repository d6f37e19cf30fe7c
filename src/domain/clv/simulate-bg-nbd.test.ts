import { describe, expect, it } from "vitest";
import { simulateBgNbd } from "./simulate-bg-nbd.ts";

const P = { r: 0.5, alpha: 2, a: 0.8, b: 2.5 };

describe("simulateBgNbd", () => {
  it("is repeatable for a seed and draws T within the requested range", () => {
    const options = { customers: 500, seed: 9, observationWeeks: [10, 20] as [number, number] };
    const rows = simulateBgNbd(P, options);
    expect(simulateBgNbd(P, options)).toEqual(rows);
    for (const row of rows) {
      expect(row.T).toBeGreaterThanOrEqual(10);
      expect(row.T).toBeLessThanOrEqual(20);
      expect(row.t_x).toBeLessThanOrEqual(row.T);
      expect(row.x === 0 ? row.t_x === 0 : row.t_x > 0).toBe(true);
    }
  });

  it("keeps one purchase per day and whole days when asked", () => {
    const rows = simulateBgNbd(
      { ...P, r: 5 },
      { customers: 500, seed: 9, observationWeeks: [10, 20], days: true },
    );
    for (const row of rows) {
      expect(Number.isInteger(Math.round(row.T * 7 * 1e9) / 1e9)).toBe(true);
      expect(Number.isInteger(Math.round(row.t_x * 7 * 1e9) / 1e9)).toBe(true);
      expect(row.x).toBeLessThanOrEqual(Math.round(row.t_x * 7));
    }
  });
});
