/** An objective returning its value and gradient; +Infinity marks points outside the domain. */
export type Objective = (x: readonly number[]) => { f: number; g: number[] };

export interface MinimizeResult {
  x: number[];
  f: number;
  iterations: number;
  converged: boolean;
}

export interface BfgsOptions {
  maxIterations?: number;
  /** Converged when the largest gradient component falls below this. */
  gradTol?: number;
  /** Largest first step (in the units of x) before curvature is known. */
  maxStep?: number;
}

const dot = (u: readonly number[], v: readonly number[]) =>
  u.reduce((s, ui, i) => s + ui * v[i], 0);
const maxAbs = (v: readonly number[]) => v.reduce((m, vi) => Math.max(m, Math.abs(vi)), 0);
const identity = (n: number): number[][] =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

/**
 * Minimises a smooth function with BFGS (inverse-Hessian update) and a backtracking line
 * search on the Armijo condition. Updates that would lose positive definiteness are skipped;
 * a failed line search resets the Hessian once before giving up.
 */
export function minimizeBfgs(
  fg: Objective,
  x0: readonly number[],
  options: BfgsOptions = {},
): MinimizeResult {
  const { maxIterations = 500, gradTol = 1e-9, maxStep = 1 } = options;
  const n = x0.length;
  let x = [...x0];
  let { f, g } = fg(x);
  if (!Number.isFinite(f)) return { x, f, iterations: 0, converged: false };
  let H = identity(n);
  let fresh = true;
  for (let iter = 1; iter <= maxIterations; iter++) {
    if (maxAbs(g) < gradTol) return { x, f, iterations: iter - 1, converged: true };
    let p = H.map((row) => -dot(row, g));
    let slope = dot(p, g);
    if (!(slope < 0)) {
      H = identity(n);
      p = g.map((gi) => -gi);
      slope = dot(p, g);
    }
    let step = fresh ? Math.min(1, maxStep / Math.max(maxAbs(p), 1e-300)) : 1;
    let next: { f: number; g: number[] } | undefined;
    let xNext: number[] = x;
    for (let k = 0; k < 60; k++) {
      xNext = x.map((xi, i) => xi + step * p[i]);
      const trial = fg(xNext);
      if (Number.isFinite(trial.f) && trial.f <= f + 1e-4 * step * slope) {
        next = trial;
        break;
      }
      step *= k < 2 ? 0.5 : 0.2;
    }
    if (!next) {
      if (fresh) return { x, f, iterations: iter, converged: maxAbs(g) < Math.sqrt(gradTol) };
      H = identity(n);
      fresh = true;
      continue;
    }
    const s = xNext.map((xi, i) => xi - x[i]);
    const y = next.g.map((gi, i) => gi - g[i]);
    const sy = dot(s, y);
    const fPrev = f;
    x = xNext;
    f = next.f;
    g = next.g;
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (fresh) {
        // Scale the first inverse Hessian to the observed curvature (Nocedal & Wright 6.20).
        const scale = sy / dot(y, y);
        H = H.map((row) => row.map((v) => v * scale));
        fresh = false;
      }
      const Hy = H.map((row) => dot(row, y));
      const yHy = dot(y, Hy);
      const rho = 1 / sy;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          H[i][j] += rho * ((1 + rho * yHy) * s[i] * s[j] - Hy[i] * s[j] - s[i] * Hy[j]);
        }
      }
    }
    if (Math.abs(fPrev - f) <= 1e-16 * Math.max(1, Math.abs(f)) && maxAbs(g) < Math.sqrt(gradTol)) {
      return { x, f, iterations: iter, converged: true };
    }
  }
  return { x, f, iterations: maxIterations, converged: maxAbs(g) < gradTol };
}
