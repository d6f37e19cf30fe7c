import { describe, expect, it } from "vitest";
import { conditionalExpectedSpend } from "./conditional-expected-spend.ts";

const G = { p: 6.25, q: 3.74, gamma: 15.44 };

describe("conditionalExpectedSpend", () => {
  it.each([
    ["a new customer gets the population mean pγ/(q−1)", 0, 0, (6.25 * 15.44) / 2.74],
    [
      "a repeat customer is shrunk from the mean towards their own",
      2,
      22.35,
      ((15.44 + 44.7) * 6.25) / (12.5 + 2.74),
    ],
  ])("%s", (_, x, m, expected) => {
    expect(conditionalExpectedSpend(G, x, m)).toBeCloseTo(expected, 10);
  });

  it("moves towards the customer's own mean as repeat purchases accumulate", () => {
    const own = 100;
    const gaps = [1, 5, 50, 500].map((x) => Math.abs(conditionalExpectedSpend(G, x, own) - own));
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    expect(gaps[3]).toBeLessThan(1);
  });

  it("refuses a model whose mean spend is infinite (q <= 1) for a new customer", () => {
    expect(() => conditionalExpectedSpend({ p: 2, q: 0.8, gamma: 10 }, 0, 0)).toThrow(
      expect.objectContaining({ code: "CLV_INSUFFICIENT_DATA", reason: "mean_spend_undefined" }),
    );
  });

  it.each([
    ["x", -1, 10],
    ["monetary", 2, -5],
    ["monetary", 0, Number.NaN],
  ])("rejects a bad %s", (field, x, m) => {
    expect(() => conditionalExpectedSpend(G, x, m)).toThrow(expect.objectContaining({ field }));
  });
});
