import { describe, expect, it } from "vitest";
import { conditionalExpectedPurchases, expectedPurchases, pAlive } from "./bg-nbd-predictions.ts";
import { hyp2f1 } from "./hypergeometric.ts";
import { seededRandom } from "./seeded-random.ts";

/** The published CDNOW fit (Fader, Hardie & Lee 2005). */
const P = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** Equation 10 of the paper, written literally. */
function textbook(t: number, x: number, t_x: number, T: number): number {
  const { r, alpha, a, b } = P;
  const z = t / (alpha + T + t);
  const head =
    ((a + b + x - 1) / (a - 1)) *
    (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z));
  return head / (1 + (x > 0 ? (a / (b + x - 1)) * ((alpha + T) / (alpha + t_x)) ** (r + x) : 0));
}

describe("pAlive", () => {
  it.each([
    [
      "a customer who never came back is alive (BG/NBD drops out only after a purchase)",
      0,
      0,
      38.86,
      1,
    ],
    [
      "the paper's customer 1",
      2,
      30.43,
      38.86,
      1 / (1 + (0.793 / 3.426) * (43.274 / 34.844) ** 2.243),
    ],
    ["a purchase on the last day leaves the odds at a/(b+x-1)", 3, 20, 20, 1 / (1 + 0.793 / 4.426)],
  ])("%s", (_, x, t_x, T, expected) => {
    expect(pAlive(P, x, t_x, T)).toBeCloseTo(expected, 10);
  });

  it("falls as the silence since the last purchase grows, towards 0 without underflow to NaN", () => {
    const values = [10, 20, 40, 1e6].map((T) => pAlive(P, 5, 10, T));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(values[3]).toBeGreaterThanOrEqual(0);
    expect(values[3]).toBeLessThan(1e-10);
  });
});

describe("conditionalExpectedPurchases", () => {
  it("gives 1.226 for the paper's customer 1 over 39 weeks", () => {
    expect(conditionalExpectedPurchases(P, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
  });

  it.each([
    [39, 0, 0, 38.86],
    [39, 1, 1.71, 38.86],
    [52, 12, 30, 31],
    [200, 4, 3, 50],
  ])("matches the literal formula for t=%d, x=%d, t_x=%d, T=%d", (t, x, t_x, T) => {
    expect(conditionalExpectedPurchases(P, t, x, t_x, T)).toBeCloseTo(textbook(t, x, t_x, T), 9);
  });

  it("agrees with a Monte Carlo posterior average over λ and p", () => {
    // Draw (λ, p) from the prior, weight by the individual likelihood, average the
    // expected purchases of an active customer (1 − e^(−λpt)) / p times P(alive | λ, p).
    const random = seededRandom(11);
    const [t, x, t_x, T] = [39, 2, 30.43, 38.86];
    let weight = 0;
    let sum = 0;
    for (let i = 0; i < 400_000; i++) {
      const lambda = random.gamma(P.r, P.alpha);
      const p = random.beta(P.a, P.b);
      const alive = (1 - p) ** x * lambda ** x * Math.exp(-lambda * T);
      const gone = p * (1 - p) ** (x - 1) * lambda ** x * Math.exp(-lambda * t_x);
      weight += alive + gone;
      sum += (alive * -Math.expm1(-lambda * p * t)) / p;
    }
    expect(conditionalExpectedPurchases(P, t, x, t_x, T) / (sum / weight)).toBeCloseTo(1, 2);
  });

  it("is 0 at horizon 0 and grows with the horizon", () => {
    expect(conditionalExpectedPurchases(P, 0, 2, 30, 38)).toBe(0);
    const values = [1, 10, 100, 1000].map((t) => conditionalExpectedPurchases(P, t, 2, 30, 38));
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it.each([
    ["horizon", -1, 1, 1, 2],
    ["x", 10, -1, 1, 2],
    ["t_x", 10, 1, 3, 2],
    ["T", 10, 0, 0, Number.NaN],
  ])("rejects a bad %s", (field, t, x, t_x, T) => {
    expect(() => conditionalExpectedPurchases(P, t, x, t_x, T)).toThrow(
      expect.objectContaining({ field }),
    );
  });
});

describe("expectedPurchases", () => {
  it("matches the mean number of repeat purchases of simulated new customers", () => {
    const random = seededRandom(3);
    const t = 52;
    let total = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const lambda = random.gamma(P.r, P.alpha);
      const p = random.beta(P.a, P.b);
      for (let at = random.exponential(lambda); at <= t; at += random.exponential(lambda)) {
        total += 1;
        if (random.next() < p) break;
      }
    }
    expect(expectedPurchases(P, t) / (total / n)).toBeCloseTo(1, 1);
    expect(Math.abs(expectedPurchases(P, t) / (total / n) - 1)).toBeLessThan(0.02);
  });

  it("stays finite when a = 1, where the published formula divides by zero", () => {
    const at = expectedPurchases({ ...P, a: 1 }, 52);
    expect(Number.isFinite(at)).toBe(true);
    expect(expectedPurchases({ ...P, a: 1 + 1e-6 }, 52)).toBeCloseTo(at, 5);
  });
});

describe("a dropout probability the same for everyone (a + b very large)", () => {
  it("gives finite expectations continuous with the general formula", () => {
    const at = (k: number) =>
      conditionalExpectedPurchases({ r: 0.5, alpha: 5, a: k, b: 3 * k }, 39, 2, 20, 38);
    const general = at(240);
    for (const k of [1e3 + 1, 1e4, 1e5, 1e9]) {
      const value = at(k);
      expect(Number.isFinite(value)).toBe(true);
      expect(Math.abs(value - general) / general).toBeLessThan(0.002);
    }
  });
});
