import { describe, expect, it } from "vitest";
import { conditionalExpectedPurchases, expectedPurchases, pAlive } from "./bg-nbd-predictions.ts";
import { bgNbdBracket, hyp2f1 } from "./hypergeometric.ts";
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

/** Eq. 10 through the series, whatever a + b (the function switches to the limit above 1,000). */
function series(p: typeof P, t: number, x: number, t_x: number, T: number): number {
  const z = t / (p.alpha + T + t);
  return (p.a + p.b + x - 1) * bgNbdBracket(p.r, p.a, p.b, x, z) * pAlive(p, x, t_x, T);
}

/**
 * The same expectation by quadrature: given alive, λ and p are independent a posteriori,
 * λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x), so E = P(alive) · E_p[(1 − ((α+T)/(α+T+pt))^(r+x)) / p].
 * Simpson's rule over ±12 standard deviations of the Beta, for a and b + x well above 1.
 */
function quadrature(p: typeof P, t: number, x: number, t_x: number, T: number): number {
  const [A, B] = [p.a, p.b + x];
  const mean = A / (A + B);
  const sd = Math.sqrt((A * B) / ((A + B) ** 2 * (A + B + 1)));
  const [lo, hi] = [Math.max(1e-12, mean - 12 * sd), Math.min(1 - 1e-12, mean + 12 * sd)];
  const logDensity = (q: number) => (A - 1) * Math.log(q) + (B - 1) * Math.log1p(-q);
  const steps = 4000;
  let sum = 0;
  let weight = 0;
  for (let i = 0; i <= steps; i++) {
    const q = lo + ((hi - lo) * i) / steps;
    const w =
      (i === 0 || i === steps ? 1 : i % 2 ? 4 : 2) * Math.exp(logDensity(q) - logDensity(mean));
    sum += (w * -Math.expm1(-(p.r + x) * Math.log1p((q * t) / (p.alpha + T)))) / q;
    weight += w;
  }
  return (pAlive(p, x, t_x, T) * sum) / weight;
}

describe("a dropout probability the same for everyone (a + b very large)", () => {
  const at = (k: number) => ({ r: 0.5, alpha: 5, a: k, b: 3 * k });

  it.each([
    [0, 0, 38],
    [2, 20, 38],
    [20, 30, 38],
  ])(
    "approaches the series as a + b grows, within 0.3 %% beyond a + b = 1,000 (x=%d, t_x=%d, T=%d)",
    (x, t_x, T) => {
      const gaps = [300, 1e3, 1e4].map((k) => {
        const limit = conditionalExpectedPurchases(at(k), 39, x, t_x, T);
        return Math.abs(limit / series(at(k), 39, x, t_x, T) - 1);
      });
      expect(gaps[0]).toBeLessThan(3e-3);
      // The error of the limit falls like 1 / (a + b).
      expect(gaps[1]).toBeLessThan(gaps[0] / 2);
      expect(gaps[2]).toBeLessThan(gaps[1] / 5);
      expect(gaps[2]).toBeLessThan(1e-4);
    },
  );

  it("is the closed form P(alive) · (1 − ((α+T)/(α+T+qt))^(r+x)) / q with q the posterior mean", () => {
    const p = at(1e9);
    const [t, x, t_x, T] = [52, 3, 10, 40];
    const q = p.a / (p.a + p.b + x);
    const byHand =
      (pAlive(p, x, t_x, T) * (1 - ((p.alpha + T) / (p.alpha + T + q * t)) ** (p.r + x))) / q;
    expect(conditionalExpectedPurchases(p, t, x, t_x, T)).toBeCloseTo(byHand, 12);
    // And the fitted no-dropout corner: q → 0 gives the Poisson mean (r+x) t / (α+T).
    const never = { r: 2, alpha: 10, a: 1e-9, b: 1e9 };
    expect(conditionalExpectedPurchases(never, t, x, t_x, T)).toBeCloseTo(
      (pAlive(never, x, t_x, T) * (never.r + x) * t) / (never.alpha + T),
      6,
    );
  });

  it("gives finite expectations continuous with the general formula", () => {
    const value = (k: number) => conditionalExpectedPurchases(at(k), 39, 2, 20, 38);
    const general = value(240);
    for (const k of [1e3 + 1, 1e4, 1e5, 1e9]) {
      expect(Number.isFinite(value(k))).toBe(true);
      expect(Math.abs(value(k) - general) / general).toBeLessThan(0.002);
    }
  });

  it.each([
    [{ r: 0.5, alpha: 0.1, a: 600, b: 300 }, 520, 3, 0.5, 1],
    [{ r: 0.5, alpha: 0.5, a: 900, b: 50 }, 520, 0, 0, 1],
    [{ r: 0.5, alpha: 5, a: 240, b: 720 }, 39, 20, 30, 38],
  ])(
    "sums the series without overflow where (1 − z)^(a−1) underflows (%o, t=%d)",
    (p, t, x, t_x, T) => {
      const value = conditionalExpectedPurchases(p, t, x, t_x, T);
      expect(Number.isFinite(value)).toBe(true);
      expect(value / quadrature(p, t, x, t_x, T)).toBeCloseTo(1, 9);
    },
  );
});
