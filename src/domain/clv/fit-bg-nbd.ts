import { type BgNbdParams, bgNbdLikelihood } from "./bg-nbd-likelihood.ts";
import { ClvInsufficientDataError } from "./clv-errors.ts";
import { type CompressedRows, compressRows, type FrequencyRow } from "./frequency-rows.ts";
import { minimizeBfgs } from "./minimize-bfgs.ts";
import { minimizeNelderMead } from "./nelder-mead.ts";

export interface BgNbdFit extends BgNbdParams {
  /** Maximised log-likelihood (sum over customers). */
  ll: number;
  /** Optimiser iterations, BFGS and any Nelder–Mead fallback together. */
  iterations: number;
  /**
   * The optimiser's verdict (minimize-bfgs.ts) on the per-customer mean gradient g of −ll on
   * log-parameters: true when max |g| < 1e-8, or when max |g| < 1e-4 and BFGS can go no
   * further (the objective stalled, or the line search failed from a reset Hessian). See
   * docs/clv.md, Numerics.
   */
  converged: boolean;
}

/** Log-parameters are kept within ±LOG_BOUND (e^30 ≈ 1e13): beyond, the fit is degenerate. */
const LOG_BOUND = 30;

const toParams = (theta: readonly number[]): BgNbdParams => ({
  r: Math.exp(theta[0]),
  alpha: Math.exp(theta[1]),
  a: Math.exp(theta[2]),
  b: Math.exp(theta[3]),
});

/** Throws ClvInsufficientDataError when the rows cannot identify the four parameters. */
export function assertFittable(rows: CompressedRows): void {
  if (rows.customers === 0)
    throw new ClvInsufficientDataError("no_customers", "no customer to fit the model on");
  if (rows.customers < 2) {
    throw new ClvInsufficientDataError(
      "one_customer",
      "one customer is not enough to fit the model",
    );
  }
  if (rows.maxT === 0) {
    throw new ClvInsufficientDataError(
      "no_observation_time",
      "every customer was first seen on the calibration end day: there is no time to observe",
    );
  }
  if (rows.repeats === 0) {
    throw new ClvInsufficientDataError(
      "no_repeat_customers",
      "no customer bought on more than one day",
    );
  }
}

/**
 * Fits BG/NBD by maximum likelihood on log-parameters: BFGS with analytic gradients, and a
 * Nelder–Mead restart when BFGS does not converge. Identical rows are merged first.
 * @example fitBgNbd([{x: 2, t_x: 30.43, T: 38.86}, {x: 0, t_x: 0, T: 38.86}, ...])
 *   // {r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, ll: -9582.4, ...} on CDNOW
 */
export function fitBgNbd(rows: readonly FrequencyRow[] | CompressedRows): BgNbdFit {
  const data = Array.isArray(rows) ? compressRows(rows) : (rows as CompressedRows);
  assertFittable(data);
  const n = data.customers;
  const objective = (theta: readonly number[]) => {
    if (theta.some((t) => !(Math.abs(t) <= LOG_BOUND)))
      return { f: Number.POSITIVE_INFINITY, g: [0, 0, 0, 0] };
    const { ll, grad } = bgNbdLikelihood(toParams(theta), data);
    if (!Number.isFinite(ll) || grad.some((v) => !Number.isFinite(v))) {
      return { f: Number.POSITIVE_INFINITY, g: [0, 0, 0, 0] };
    }
    return { f: -ll / n, g: grad.map((v) => -v / n) };
  };
  // Start from the observed purchase rate: λ ≈ repeats per customer-week, with r = 1.
  const meanT = Math.max(data.maxT / 2, 1e-3);
  const rate = Math.max(data.repeats / n / meanT, 1e-6);
  const start = [0, Math.log(1 / rate), 0, 0].map((t) =>
    Math.max(-LOG_BOUND + 1, Math.min(LOG_BOUND - 1, t)),
  );
  let best = minimizeBfgs(objective, start, { gradTol: 1e-8 });
  let iterations = best.iterations;
  if (!best.converged) {
    const simplex = minimizeNelderMead((t) => objective(t).f, best.x, { fTol: 1e-13 });
    const polished = minimizeBfgs(objective, simplex.x, { gradTol: 1e-8 });
    iterations += simplex.iterations + polished.iterations;
    if (polished.f <= best.f) best = polished;
  }
  return { ...toParams(best.x), ll: -best.f * n, iterations, converged: best.converged };
}
