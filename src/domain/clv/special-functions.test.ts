import { describe, expect, it } from "vitest";
import { digamma, digammaDiff, lgamma, lgammaRatio, logAddExp } from "./special-functions.ts";

const EULER = 0.5772156649015329;

describe("lgamma", () => {
  it.each([
    // Reference values: CPython math.lgamma.
    [1, 0],
    [2, 0],
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [5, Math.log(24)],
    [10, Math.log(362880)],
    [100, 359.1342053695754],
    [1e-3, 6.907178885383854],
    [0.1, 2.252712651734206],
    [171.5, 709.1431630309282],
  ])("lgamma(%d) = %d", (x, expected) => {
    expect(lgamma(x)).toBeCloseTo(expected, Math.abs(expected) > 100 ? 6 : 10);
  });

  it("satisfies Γ(x+1) = x Γ(x) across magnitudes", () => {
    for (const x of [1e-6, 0.3, 0.7, 1.5, 7.25, 33.3, 1234.5]) {
      expect(lgamma(x + 1) - lgamma(x)).toBeCloseTo(Math.log(x), 9);
    }
  });

  it("is infinite at 0 and NaN for negative arguments", () => {
    expect(lgamma(0)).toBe(Number.POSITIVE_INFINITY);
    expect(lgamma(-1)).toBeNaN();
  });
});

describe("digamma", () => {
  it.each([
    [1, -EULER],
    [0.5, -EULER - 2 * Math.log(2)],
    [2, 1 - EULER],
    [10, 2.251752589066721],
  ])("digamma(%d) = %d", (x, expected) => {
    expect(digamma(x)).toBeCloseTo(expected, 12);
  });

  it("is the derivative of lgamma", () => {
    for (const x of [0.05, 0.8, 3.3, 12, 250]) {
      const h = 1e-5 * Math.max(1, x);
      expect(digamma(x)).toBeCloseTo((lgamma(x + h) - lgamma(x - h)) / (2 * h), 5);
    }
  });
});

describe("ratios", () => {
  it("lgammaRatio and digammaDiff agree with the full functions for small and large n", () => {
    for (const [x, n] of [
      [0.24, 0],
      [0.24, 3],
      [2.4, 16],
      [2.4, 17],
      [0.7, 120],
    ]) {
      expect(lgammaRatio(x, n)).toBeCloseTo(lgamma(x + n) - lgamma(x), 9);
      expect(digammaDiff(x, n)).toBeCloseTo(digamma(x + n) - digamma(x), 9);
    }
  });
});

describe("logAddExp", () => {
  it("adds in log space without overflow or underflow", () => {
    expect(logAddExp(0, 0)).toBeCloseTo(Math.log(2), 15);
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 10);
    expect(logAddExp(-1000, -1001)).toBeCloseTo(-1000 + Math.log1p(Math.exp(-1)), 10);
    expect(logAddExp(Number.NEGATIVE_INFINITY, 3)).toBe(3);
  });
});
