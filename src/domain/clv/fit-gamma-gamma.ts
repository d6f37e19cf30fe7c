import { ClvInputError, ClvInsufficientDataError } from "./clv-errors.ts";
import { minimizeBfgs } from "./minimize-bfgs.ts";
import { minimizeNelderMead } from "./nelder-mead.ts";
import { digamma, lgamma } from "./special-functions.ts";

/** Gamma-Gamma spend parameters: spend per purchase ~ Gamma(p, ν), ν ~ Gamma(q, γ). */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  ll: number;
  converged: boolean;
  /** Repeat customers the fit used (those with a positive mean spend). */
  customers: number;
}

/**
 * A customer's repeat purchases x and their mean spend. Rows with x = 0 are ignored, and so
 * are repeat customers whose mean spend is 0 (free or fully refunded purchases: the model's
 * spend is strictly positive); `customers` in the fit says how many rows were used.
 */
export interface SpendRow {
  x: number;
  monetary: number;
}

/**
 * One repeat customer's Gamma-Gamma log-likelihood (Fader & Hardie 2013), mean spend m:
 * ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ+mx).
 */
export function gammaGammaLogLikelihood(g: GammaGammaParams, x: number, m: number): number {
  const px = g.p * x;
  return (
    lgamma(px + g.q) -
    lgamma(px) -
    lgamma(g.q) +
    g.q * Math.log(g.gamma) +
    (px - 1) * Math.log(m) +
    px * Math.log(x) -
    (px + g.q) * Math.log(g.gamma + m * x)
  );
}

/** Total log-likelihood over repeat customers and its gradient on (ln p, ln q, ln γ). */
export function gammaGammaLikelihood(
  g: GammaGammaParams,
  xs: ArrayLike<number>,
  ms: ArrayLike<number>,
): { ll: number; grad: [number, number, number] } {
  const { p, q, gamma } = g;
  const logGamma = Math.log(gamma);
  const lgQ = lgamma(q);
  const psiQ = digamma(q);
  let ll = 0;
  let dp = 0;
  let dq = 0;
  let dGamma = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const m = ms[i];
    const px = p * x;
    const logM = Math.log(m);
    const logX = Math.log(x);
    const logGmx = Math.log(gamma + m * x);
    const psiPxQ = digamma(px + q);
    ll +=
      lgamma(px + q) -
      lgamma(px) -
      lgQ +
      q * logGamma +
      (px - 1) * logM +
      px * logX -
      (px + q) * logGmx;
    dp += x * (psiPxQ - digamma(px) + logM + logX - logGmx);
    dq += psiPxQ - psiQ + logGamma - logGmx;
    dGamma += q / gamma - (px + q) / (gamma + m * x);
  }
  return { ll, grad: [dp * p, dq * q, dGamma * gamma] };
}

const LOG_BOUND = 30;

/**
 * Fits the Gamma-Gamma spend model by maximum likelihood on the repeat customers (x > 0),
 * BFGS on log-parameters with analytic gradients and a Nelder–Mead restart.
 * @example fitGammaGamma(cdnowRows) // {p: 6.25, q: 3.74, gamma: 15.44, ...} on the 946 repeaters
 */
export function fitGammaGamma(rows: readonly SpendRow[]): GammaGammaFit {
  const xs: number[] = [];
  const ms: number[] = [];
  rows.forEach((row, i) => {
    if (!Number.isInteger(row.x) || row.x < 0)
      throw new ClvInputError(`rows[${i}].x`, "must be a whole number >= 0");
    if (!Number.isFinite(row.monetary) || row.monetary < 0) {
      throw new ClvInputError(`rows[${i}].monetary`, "must be a number >= 0");
    }
    if (row.x === 0 || row.monetary === 0) return;
    xs.push(row.x);
    ms.push(row.monetary);
  });
  if (xs.length < 2) {
    throw new ClvInsufficientDataError(
      "too_few_repeat_customers",
      "the spend model needs at least two repeat customers with a positive spend",
    );
  }
  const mean = ms.reduce((s, m) => s + m, 0) / ms.length;
  if (ms.every((m) => Math.abs(m - ms[0]) <= 1e-12 * mean)) {
    throw new ClvInsufficientDataError(
      "no_spend_variation",
      "every repeat customer spent the same: spend cannot be modelled",
    );
  }
  const x = Float64Array.from(xs);
  const m = Float64Array.from(ms);
  const n = xs.length;
  const toParams = (t: readonly number[]) => ({
    p: Math.exp(t[0]),
    q: Math.exp(t[1]),
    gamma: Math.exp(t[2]),
  });
  const objective = (t: readonly number[]) => {
    if (t.some((v) => !(Math.abs(v) <= LOG_BOUND)))
      return { f: Number.POSITIVE_INFINITY, g: [0, 0, 0] };
    const { ll, grad } = gammaGammaLikelihood(toParams(t), x, m);
    if (!Number.isFinite(ll) || grad.some((v) => !Number.isFinite(v)))
      return { f: Number.POSITIVE_INFINITY, g: [0, 0, 0] };
    return { f: -ll / n, g: grad.map((v) => -v / n) };
  };
  // Start at p = 1, q = 2, where the population mean spend pγ/(q−1) equals the observed mean.
  let best = minimizeBfgs(objective, [0, Math.log(2), Math.log(mean)], { gradTol: 1e-8 });
  if (!best.converged) {
    const simplex = minimizeNelderMead((t) => objective(t).f, best.x, { fTol: 1e-13 });
    const polished = minimizeBfgs(objective, simplex.x, { gradTol: 1e-8 });
    if (polished.f <= best.f) best = polished;
  }
  return { ...toParams(best.x), ll: -best.f * n, converged: best.converged, customers: n };
}
