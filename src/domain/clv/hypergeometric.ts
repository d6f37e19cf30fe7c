import { ClvNumericalError } from "./clv-errors.ts";

const MAX_TERMS = 2_000_000;
const TOLERANCE = 1e-14;

/** Sums above this are rescaled (with their term) so that a growing series cannot overflow. */
const RESCALE = 1e200;
const LOG_RESCALE = Math.log(RESCALE);

/**
 * Sums a power series whose term ratio is `ratio(n) = t_{n+1} / t_n`, from `first`
 * (the n = 1 term), until the tail is provably below `TOLERANCE` relative to the sum.
 * The tail bound uses q = max(|ratio|, |z|): the ratios tend to z from either side.
 * The sum is `sum × e^logScale`: terms that grow past 1e200 (₂F₁ with a large parameter and z
 * near 1) are carried scaled down instead of overflowing to Infinity.
 */
function sumSeries(
  first: number,
  z: number,
  ratio: (n: number) => number,
): { sum: number; logScale: number } {
  let term = first;
  let sum = first;
  let logScale = 0;
  for (let n = 1; n < MAX_TERMS; n++) {
    const rho = ratio(n);
    term *= rho;
    sum += term;
    if (Math.abs(sum) > RESCALE) {
      sum /= RESCALE;
      term /= RESCALE;
      logScale += LOG_RESCALE;
    }
    const q = Math.max(Math.abs(rho), Math.abs(z));
    if (q < 1 && (Math.abs(term) * q) / (1 - q) <= TOLERANCE * Math.max(Math.abs(sum), 1e-300)) {
      return { sum, logScale };
    }
    if (term === 0) return { sum, logScale };
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
  const { sum, logScale } = sumSeries(
    first,
    z,
    (n) => ((a + n) * (b + n) * z) / ((c + n) * (n + 1)),
  );
  return 1 + sum * Math.exp(logScale);
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
  if (first === 0) return head;
  const S = sumSeries(first, z, (n) => ((A + n) * (eps + n) * z) / ((C + n) * (n + 1)));
  // (1 − z)^ε underflows where S overflows (ε large, z near 1): multiply them in logs.
  return head - S.sum * Math.exp(eps * log1mz + S.logScale);
}
