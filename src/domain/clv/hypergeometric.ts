import { ClvNumericalError } from "./clv-errors.ts";

const MAX_TERMS = 2_000_000;
const TOLERANCE = 1e-14;

/**
 * Sums a power series whose term ratio is `ratio(n) = t_{n+1} / t_n`, from `first`
 * (the n = 1 term), until the tail is provably below `TOLERANCE` relative to the sum.
 * The tail bound uses q = max(|ratio|, |z|): the ratios tend to z from either side.
 */
function sumSeries(first: number, z: number, ratio: (n: number) => number): number {
  let term = first;
  let sum = first;
  for (let n = 1; n < MAX_TERMS; n++) {
    const rho = ratio(n);
    term *= rho;
    sum += term;
    const q = Math.max(Math.abs(rho), Math.abs(z));
    if (q < 1 && (Math.abs(term) * q) / (1 - q) <= TOLERANCE * Math.max(Math.abs(sum), 1e-300)) {
      return sum;
    }
    if (term === 0) return sum;
  }
  throw new ClvNumericalError(
    `hypergeometric series did not converge in ${MAX_TERMS} terms (z = ${z})`,
  );
}

/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) by its power series, for |z| < 1 and c not a
 * non-positive integer. Throws ClvNumericalError when the series does not converge.
 * @example hyp2f1(1, 1, 2, 0.5) // -Math.log(0.5) / 0.5
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(Math.abs(z) < 1)) throw new ClvNumericalError(`hyp2f1 needs |z| < 1, got ${z}`);
  if (z === 0 || a === 0 || b === 0) return 1;
  const first = (a * b * z) / c;
  return 1 + sumSeries(first, z, (n) => ((a + n) * (b + n) * z) / ((c + n) * (n + 1)));
}

/**
 * The bracket of the BG/NBD expectation divided by (a − 1), for 0 <= z < 1:
 *
 *   [1 − (1 − z)^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)] / (a − 1)
 *
 * Euler's transformation turns (1 − z)^(r+x) ₂F₁(…) into (1 − z)^ε ₂F₁(A, ε; C; z) with
 * ε = a − 1, A = a+b−1−r, C = a+b+x−1, whose terms never blow up; writing
 * ₂F₁(A, ε; C; z) = 1 + ε S removes the 0/0 at a = 1, so this is finite for every a > 0:
 *
 *   result = −expm1(ε ln(1−z)) / ε − (1 − z)^ε S.
 */
export function bgNbdBracket(r: number, a: number, b: number, x: number, z: number): number {
  if (z === 0) return 0;
  if (!(z > 0 && z < 1)) throw new ClvNumericalError(`bgNbdBracket needs 0 <= z < 1, got ${z}`);
  const eps = a - 1;
  const A = a + b - 1 - r;
  const C = a + b + x - 1;
  const log1mz = Math.log1p(-z);
  const head = eps === 0 ? -log1mz : -Math.expm1(eps * log1mz) / eps;
  // S = Σ_{n≥1} (A)_n (1+ε)_{n−1} / ((C)_n n!) z^n
  const first = (A * z) / C;
  const S =
    first === 0 ? 0 : sumSeries(first, z, (n) => ((A + n) * (eps + n) * z) / ((C + n) * (n + 1)));
  return head - Math.exp(eps * log1mz) * S;
}
