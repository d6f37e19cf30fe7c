import { describe, expect, it } from "vitest";
import { ClvInputError } from "./clv-errors.ts";
import { fitGammaGamma, gammaGammaLikelihood, gammaGammaLogLikelihood } from "./fit-gamma-gamma.ts";
import { seededRandom } from "./seeded-random.ts";

const G = { p: 6, q: 3.5, gamma: 15 };

/** Spend rows drawn from the model: ν ~ Gamma(q, γ), each purchase ~ Gamma(p, ν). */
function simulateSpend(customers: number, seed: number) {
  const random = seededRandom(seed);
  return Array.from({ length: customers }, () => {
    const nu = random.gamma(G.q, G.gamma);
    const x = 1 + Math.floor(random.next() * 6);
    let total = 0;
    for (let i = 0; i < x; i++) total += random.gamma(G.p, nu);
    return { x, monetary: total / x };
  });
}

describe("Gamma-Gamma likelihood", () => {
  it("has an analytic gradient equal to central finite differences on log-parameters", () => {
    const xs = [1, 2, 5, 1];
    const ms = [12, 30.5, 22, 80];
    const theta = [G.p, G.q, G.gamma].map(Math.log);
    const at = (t: number[]) =>
      gammaGammaLikelihood({ p: Math.exp(t[0]), q: Math.exp(t[1]), gamma: Math.exp(t[2]) }, xs, ms);
    const { ll, grad } = at(theta);
    expect(ll).toBeCloseTo(
      xs.reduce((s, x, i) => s + gammaGammaLogLikelihood(G, x, ms[i]), 0),
      10,
    );
    for (let i = 0; i < 3; i++) {
      const h = 1e-6;
      const up = theta.map((v, j) => (j === i ? v + h : v));
      const down = theta.map((v, j) => (j === i ? v - h : v));
      expect(grad[i]).toBeCloseTo((at(up).ll - at(down).ll) / (2 * h), 6);
    }
  });
});

describe("fitGammaGamma", () => {
  it("recovers the population mean spend from 20,000 simulated repeat customers", () => {
    const fit = fitGammaGamma(simulateSpend(20_000, 99));
    expect(fit.converged).toBe(true);
    const mean = (g: { p: number; q: number; gamma: number }) => (g.p * g.gamma) / (g.q - 1);
    expect(Math.abs(mean(fit) / mean(G) - 1)).toBeLessThan(0.02);
    for (const key of ["p", "q", "gamma"] as const) {
      expect(Math.abs(fit[key] / G[key] - 1)).toBeLessThan(0.15);
    }
  });

  it("ignores customers without repeat purchases", () => {
    const rows = simulateSpend(200, 5);
    const withZeros = [...rows, { x: 0, monetary: 0 }, { x: 0, monetary: 0 }];
    expect(fitGammaGamma(withZeros)).toEqual(fitGammaGamma(rows));
  });

  it.each([
    ["no repeat customer", [{ x: 0, monetary: 0 }], "too_few_repeat_customers"],
    [
      "one repeat customer",
      [
        { x: 3, monetary: 20 },
        { x: 0, monetary: 0 },
      ],
      "too_few_repeat_customers",
    ],
    [
      "identical spend",
      [
        { x: 3, monetary: 20 },
        { x: 1, monetary: 20 },
        { x: 2, monetary: 20 },
      ],
      "no_spend_variation",
    ],
  ])("refuses %s with CLV_INSUFFICIENT_DATA", (_, rows, reason) => {
    expect(() => fitGammaGamma(rows)).toThrow(
      expect.objectContaining({ code: "CLV_INSUFFICIENT_DATA", reason }),
    );
  });

  it("leaves out repeat customers who spent nothing, and says how many it used", () => {
    const rows = simulateSpend(200, 5);
    const fit = fitGammaGamma([...rows, { x: 2, monetary: 0 }]);
    expect(fit).toEqual(fitGammaGamma(rows));
    expect(fit.customers).toBe(200);
  });

  it.each([
    ["rows[1].monetary", { x: 2, monetary: -1 }],
    ["rows[1].x", { x: -1, monetary: 10 }],
  ])("rejects a bad %s", (field, bad) => {
    expect(() => fitGammaGamma([{ x: 1, monetary: 10 }, bad])).toThrow(
      expect.objectContaining({ field }),
    );
    expect(() => fitGammaGamma([{ x: 1, monetary: 10 }, bad])).toThrow(ClvInputError);
  });
});
