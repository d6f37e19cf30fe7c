import type { CompressedRows } from "./frequency-rows.ts";
import { digammaDiff, lgamma, lgammaRatio, logAddExp } from "./special-functions.ts";

/** BG/NBD population parameters: purchase rate λ ~ Gamma(r, α), dropout p ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface LikelihoodWithGradient {
  /** Total log-likelihood Σ weight · ln L. */
  ll: number;
  /** d ll / d (ln r, ln α, ln a, ln b). */
  grad: [number, number, number, number];
}

/**
 * One customer's BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6), in the stable form
 *   ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *   + ln[(α+T)^−(r+x) + δ(x>0) · a/(b+x−1) · (α+t_x)^−(r+x)].
 */
export function bgNbdLogLikelihood(p: BgNbdParams, x: number, t_x: number, T: number): number {
  const { r, alpha, a, b } = p;
  const head =
    lgammaRatio(r, x) +
    r * Math.log(alpha) +
    lgamma(a + b) +
    lgamma(b + x) -
    lgamma(b) -
    lgamma(a + b + x);
  const stay = -(r + x) * Math.log(alpha + T);
  if (x === 0) return head + stay;
  return (
    head + logAddExp(stay, Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + t_x))
  );
}

/**
 * Log-likelihood and its analytic gradient on log-parameters over compressed rows.
 * Gamma-function terms are computed once per distinct x; each unique row then costs two
 * logarithms, one exp and one log1p.
 */
export function bgNbdLikelihood(p: BgNbdParams, rows: CompressedRows): LikelihoodWithGradient {
  const { r, alpha, a, b } = p;
  const { xs, xw, xi, x: xRow, tx, T, w } = rows;
  const logAlpha = Math.log(alpha);
  const logA = Math.log(a);
  let ll = 0;
  let dr = 0;
  let dAlpha = 0;
  let da = 0;
  let db = 0;
  // Per distinct x: the terms that do not depend on t_x or T.
  const dropLog = new Float64Array(xs.length);
  const dropB = new Float64Array(xs.length);
  const lgAB = lgamma(a + b);
  const lgB = lgamma(b);
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k];
    const weight = xw[k];
    const dAB = digammaDiff(a + b, x);
    ll +=
      weight * (lgammaRatio(r, x) + r * logAlpha + lgAB + lgamma(b + x) - lgB - lgamma(a + b + x));
    dr += weight * (digammaDiff(r, x) + logAlpha);
    dAlpha += (weight * r) / alpha;
    da -= weight * dAB;
    db += weight * (digammaDiff(b, x) - dAB);
    if (x > 0) {
      dropLog[k] = logA - Math.log(b + x - 1);
      dropB[k] = 1 / (b + x - 1);
    }
  }
  let sumDrop = 0;
  for (let i = 0; i < w.length; i++) {
    const x = xRow[i];
    const wi = w[i];
    const rx = r + x;
    const aT = alpha + T[i];
    const lT = Math.log(aT);
    if (x === 0) {
      ll -= wi * rx * lT;
      dr -= wi * lT;
      dAlpha -= (wi * rx) / aT;
      continue;
    }
    const k = xi[i];
    const aTx = alpha + tx[i];
    const lTx = Math.log(aTx);
    // d = ln[second term / first term]; ln(sum) = −(r+x) ln(α+T) + log1p(e^d), stably.
    const d = dropLog[k] - rx * (lTx - lT);
    let pDrop: number;
    let lse: number;
    if (d > 0) {
      const e = Math.exp(-d);
      lse = d + Math.log1p(e);
      pDrop = 1 / (1 + e);
    } else {
      const e = Math.exp(d);
      lse = Math.log1p(e);
      pDrop = e / (1 + e);
    }
    const pStay = 1 - pDrop;
    ll += wi * (lse - rx * lT);
    dr -= wi * (pStay * lT + pDrop * lTx);
    dAlpha -= wi * rx * (pStay / aT + pDrop / aTx);
    sumDrop += wi * pDrop;
    db -= wi * pDrop * dropB[k];
  }
  da += sumDrop / a;
  return { ll, grad: [dr * r, dAlpha * alpha, da * a, db * b] };
}
