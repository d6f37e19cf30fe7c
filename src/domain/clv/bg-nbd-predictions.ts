import type { BgNbdParams } from "./bg-nbd-likelihood.ts";
import { ClvInputError } from "./clv-errors.ts";
import { bgNbdBracket } from "./hypergeometric.ts";

function checkHistory(x: number, t_x: number, T: number): void {
  if (!Number.isInteger(x) || x < 0) throw new ClvInputError("x", "must be a whole number >= 0");
  if (!Number.isFinite(T) || T < 0) throw new ClvInputError("T", "must be a number >= 0");
  if (!Number.isFinite(t_x) || t_x < 0 || t_x > T + 1e-9) {
    throw new ClvInputError("t_x", "must be a number between 0 and T");
  }
}

/**
 * ln of the odds that the customer has dropped out, given (x, t_x, T):
 * ln[a / (b+x−1)] + (r+x) ln[(α+T) / (α+t_x)]; −Infinity when x = 0 (no dropout yet).
 */
function logDropOdds(p: BgNbdParams, x: number, t_x: number, T: number): number {
  if (x === 0) return Number.NEGATIVE_INFINITY;
  return (
    Math.log(p.a / (p.b + x - 1)) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + t_x))
  );
}

/**
 * Probability that a customer with history (x, t_x, T) is still active at T:
 * 1 / [1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)].
 * @example pAlive(cdnowFit, 0, 0, 38.86) // 1: BG/NBD customers only drop out after a repeat purchase
 */
export function pAlive(p: BgNbdParams, x: number, t_x: number, T: number): number {
  checkHistory(x, t_x, T);
  const d = logDropOdds(p, x, t_x, T);
  return d > 0 ? Math.exp(-d) / (1 + Math.exp(-d)) : 1 / (1 + Math.exp(d));
}

function checkHorizon(t: number): void {
  if (!Number.isFinite(t) || t < 0)
    throw new ClvInputError("horizon", "must be a number of weeks >= 0");
}

/**
 * Expected repeat purchases in (T, T + t] of a customer with history (x, t_x, T)
 * (Fader, Hardie & Lee 2005, eq. 10):
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] · P(alive).
 * @example conditionalExpectedPurchases(cdnowFit, 39, 2, 30.43, 38.86) // ≈ 1.226
 */
export function conditionalExpectedPurchases(
  p: BgNbdParams,
  t: number,
  x: number,
  t_x: number,
  T: number,
): number {
  checkHorizon(t);
  checkHistory(x, t_x, T);
  if (t === 0) return 0;
  if (p.a + p.b > HOMOGENEOUS_DROPOUT) return homogeneousDropout(p, t, x, t_x, T);
  const z = t / (p.alpha + T + t);
  const bracket = bgNbdBracket(p.r, p.a, p.b, x, z);
  const d = logDropOdds(p, x, t_x, T);
  const alive = d > 0 ? Math.exp(-d) / (1 + Math.exp(-d)) : 1 / (1 + Math.exp(d));
  return (p.a + p.b + x - 1) * bracket * alive;
}

/**
 * Beyond this a + b, the dropout probability is taken to be the same for everyone (a Beta that
 * narrow is nearly a point; the closed form below is then within 0.3 % of the series, measured
 * in the tests), and the series would need about a · z / (1 − z) terms.
 */
const HOMOGENEOUS_DROPOUT = 1e3;

/**
 * Eq. 10 when every customer drops out after a purchase with the same probability q.
 * Given λ and alive at T, purchases in (T, T+t] arrive at rate λ and each is the last with
 * probability q, so E = Σ_k P(N(t) ≥ k) (1 − q)^(k−1) = (1 − e^(−λqt)) / q. Given alive, the
 * posterior of λ is Gamma(r + x, α + T) (the alive term of the likelihood, λ^x e^(−λT),
 * times the prior), so E[Y(t)] = P(alive) · (1 − ((α+T)/(α+T+qt))^(r+x)) / q (log1p and
 * expm1 keep it accurate when q t is small against α + T).
 * At finite a, b the posterior of q given alive is Beta(a, b + x): q is its mean a/(a+b+x),
 * the same limit as a/(a+b) when a, b → ∞, but with an error that does not grow with x.
 */
function homogeneousDropout(p: BgNbdParams, t: number, x: number, t_x: number, T: number): number {
  const q = p.a / (p.a + p.b + x);
  const d = logDropOdds(p, x, t_x, T);
  const alive = d > 0 ? Math.exp(-d) / (1 + Math.exp(-d)) : 1 / (1 + Math.exp(d));
  if (q === 0) return (alive * (p.r + x) * t) / (p.alpha + T);
  return (alive * -Math.expm1(-(p.r + x) * Math.log1p((q * t) / (p.alpha + T)))) / q;
}

/**
 * Expected repeat purchases in (0, t] of a customer just acquired at time 0
 * (Fader, Hardie & Lee 2005, eq. 9): (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))],
 * the conditional expectation with x = t_x = T = 0.
 */
export function expectedPurchases(p: BgNbdParams, t: number): number {
  return conditionalExpectedPurchases(p, t, 0, 0, 0);
}
