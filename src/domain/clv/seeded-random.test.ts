import { describe, expect, it } from "vitest";
import { seededRandom } from "./seeded-random.ts";

const moments = (draw: () => number, n = 200_000) => {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const v = draw();
    s += v;
    s2 += v * v;
  }
  const mean = s / n;
  return { mean, variance: s2 / n - mean * mean };
};

describe("seededRandom", () => {
  it("repeats the same sequence for the same seed, and another for another seed", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
    expect(first.every((u) => u >= 0 && u < 1)).toBe(true);
  });

  it.each([
    [0.25, 4],
    [3, 0.5],
  ])("draws Gamma(%d, rate %d) with the right mean and variance", (shape, rate) => {
    const random = seededRandom(1);
    const { mean, variance } = moments(() => random.gamma(shape, rate));
    expect(mean / (shape / rate)).toBeCloseTo(1, 1);
    expect(variance / (shape / rate ** 2)).toBeCloseTo(1, 1);
  });

  it("draws Beta(a, b) with mean a / (a + b)", () => {
    const random = seededRandom(2);
    expect(moments(() => random.beta(0.8, 2.5)).mean).toBeCloseTo(0.8 / 3.3, 2);
  });
});
