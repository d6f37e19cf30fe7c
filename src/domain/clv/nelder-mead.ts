import type { MinimizeResult } from "./minimize-bfgs.ts";

export interface NelderMeadOptions {
  maxIterations?: number;
  /** Converged when the simplex's function values span less than this. */
  fTol?: number;
  /** Initial simplex edge (in the units of x). */
  step?: number;
}

/**
 * Derivative-free Nelder–Mead simplex (standard coefficients 1, 2, 0.5, 0.5); the fallback
 * when BFGS stalls. Non-finite values count as +Infinity.
 */
export function minimizeNelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): MinimizeResult {
  const { maxIterations = 4000, fTol = 1e-12, step = 0.5 } = options;
  const n = x0.length;
  const value = (x: readonly number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let simplex = [x0.slice(), ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + step : v)))];
  let values = simplex.map(value);
  for (let iter = 1; iter <= maxIterations; iter++) {
    const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
    simplex = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);
    const spread = Math.abs(values[n] - values[0]);
    if (spread <= fTol * Math.max(1, Math.abs(values[0]))) {
      return {
        x: simplex[0],
        f: values[0],
        iterations: iter,
        converged: Number.isFinite(values[0]),
      };
    }
    const centroid = x0.map((_, j) => simplex.slice(0, n).reduce((s, v) => s + v[j], 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n][j] - c));
    const reflected = along(-1);
    const fr = value(reflected);
    if (fr < values[0]) {
      const expanded = along(-2);
      const fe = value(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[n - 1]) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const contracted = fr < values[n] ? along(-0.5) : along(0.5);
      const fc = value(contracted);
      if (fc < Math.min(fr, values[n])) {
        [simplex[n], values[n]] = [contracted, fc];
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i].map((v, j) => simplex[0][j] + 0.5 * (v - simplex[0][j]));
          values[i] = value(simplex[i]);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best], f: values[best], iterations: maxIterations, converged: false };
}
