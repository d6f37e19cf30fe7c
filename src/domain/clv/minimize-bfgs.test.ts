import { describe, expect, it } from "vitest";
import { minimizeBfgs } from "./minimize-bfgs.ts";
import { minimizeNelderMead } from "./nelder-mead.ts";

const rosenbrock = (x: readonly number[]) => ({
  f: (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2,
  g: [-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2), 200 * (x[1] - x[0] ** 2)],
});

describe("minimizeBfgs", () => {
  it("finds the minimum of the Rosenbrock valley and says it converged", () => {
    const result = minimizeBfgs(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it("backs off from points outside the domain (+Infinity) instead of stepping into them", () => {
    // Minimum at x = 2, but the function is undefined for x > 2.5.
    const fenced = (x: readonly number[]) =>
      x[0] > 2.5
        ? { f: Number.POSITIVE_INFINITY, g: [0] }
        : { f: (x[0] - 2) ** 2, g: [2 * (x[0] - 2)] };
    const result = minimizeBfgs(fenced, [0], { maxStep: 10 });
    expect(result.x[0]).toBeCloseTo(2, 6);
  });

  it("reports no convergence when the iteration budget runs out", () => {
    expect(minimizeBfgs(rosenbrock, [-1.2, 1], { maxIterations: 3 }).converged).toBe(false);
  });

  it("does not start from a point outside the domain", () => {
    const result = minimizeBfgs(() => ({ f: Number.NaN, g: [0] }), [0]);
    expect(result.converged).toBe(false);
  });
});

describe("minimizeNelderMead", () => {
  it("finds the minimum of the Rosenbrock valley without derivatives", () => {
    const result = minimizeNelderMead((x) => rosenbrock(x).f, [-1.2, 1], { fTol: 1e-16 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 3);
    expect(result.x[1]).toBeCloseTo(1, 3);
  });
});
