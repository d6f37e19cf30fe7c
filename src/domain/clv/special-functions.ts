/**
 * Special functions for the customer-value models, written for stability rather than
 * generality: arguments are positive reals, as they always are in BG/NBD and Gamma-Gamma.
 */

// Lanczos approximation, g = 7, n = 9 (relative error about 1e-15 for x >= 0.5).
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Natural log of the gamma function for x > 0.
 * @example lgamma(5) // Math.log(24)
 */
export function lgamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.POSITIVE_INFINITY : Number.NaN;
  if (x < 0.5) {
    // Reflection keeps the accuracy of Lanczos for small x: Γ(x)Γ(1-x) = π / sin(πx).
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * The digamma function ψ(x) = d/dx ln Γ(x) for x > 0, by recurrence up to x >= 10 and the
 * asymptotic series (error below 1e-15 there).
 */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let result = 0;
  let v = x;
  while (v < 10) {
    result -= 1 / v;
    v += 1;
  }
  const inv = 1 / v;
  const inv2 = inv * inv;
  // ψ(v) ≈ ln v − 1/(2v) − Σ B_2k / (2k v^2k)
  const series =
    inv2 *
    (1 / 12 -
      inv2 *
        (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - (691 / 32760) * inv2)))));
  return result + Math.log(v) - 0.5 * inv - series;
}

/** ln(e^a + e^b) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** ln Γ(x + n) − ln Γ(x), exact sum for small whole n (faster and more accurate). */
export function lgammaRatio(x: number, n: number): number {
  if (Number.isInteger(n) && n >= 0 && n <= 16) {
    let s = 0;
    for (let k = 0; k < n; k++) s += Math.log(x + k);
    return s;
  }
  return lgamma(x + n) - lgamma(x);
}

/** ψ(x + n) − ψ(x), exact sum for small whole n. */
export function digammaDiff(x: number, n: number): number {
  if (Number.isInteger(n) && n >= 0 && n <= 16) {
    let s = 0;
    for (let k = 0; k < n; k++) s += 1 / (x + k);
    return s;
  }
  return digamma(x + n) - digamma(x);
}
