/**
 * How bench/clv-bench.ts compares with its references: speed-up against lifetimes' timings
 * (an external reference, measured elsewhere),
 * estimates against published values or the true simulation parameters, each with a verdict.
 */
import { type BgNbdParams, bgNbdLikelihood } from "../src/domain/clv/bg-nbd-likelihood.ts";
import type { CompressedRows } from "../src/domain/clv/frequency-rows.ts";

export type Verdict = "pass" | "fail" | "";

export interface Row {
  name: string;
  value: number | string;
  unit: string;
  /** What the value is measured against ("lifetimes 0.22 s (external ...)", "published 0.243"), or "". */
  target: string;
  /** Whether the value meets its target; "" when there is nothing to meet. */
  verdict: Verdict;
}

/** A measure with no reference. */
export const plain = (name: string, value: number | string, unit = ""): Row => ({
  name,
  value,
  unit,
  target: "",
  verdict: "",
});

/**
 * Python lifetimes' BetaGeoFitter timings (full CDNOW, 1,000,000 customers). An EXTERNAL
 * reference: lifetimes cannot be installed where the bench runs, so these were never measured
 * beside our timings. Issue 6 gave the two figures without naming the machine they were
 * measured on; they are in the repository since 2026-11-22 (commit 5a4bc8c).
 */
export const LIFETIMES = {
  cdnowMasterS: 0.22,
  millionS: 9,
  machine: "machine not stated by issue 6",
  date: "given in issue 6, recorded 2026-11-22",
};

/**
 * How a row names a lifetimes timing: where it comes from, never as if measured here.
 * @example lifetimesTarget(0.22) // "lifetimes 0.22 s (external reference measured elsewhere: ...)"
 */
export const lifetimesTarget = (seconds: number): string =>
  `lifetimes ${seconds} s (external reference measured elsewhere: ${LIFETIMES.machine}, ${LIFETIMES.date})`;

/**
 * "11.6x faster" against a reference time in seconds; passes when ours is shorter. `target`
 * names the reference (lifetimesTarget for lifetimes).
 */
export function speedUp(name: string, oursS: number, referenceS: number, target: string): Row {
  const ratio = referenceS / oursS;
  const value = ratio >= 1 ? `${ratio.toFixed(1)}x faster` : `${(1 / ratio).toFixed(1)}x slower`;
  return { name, value, unit: "", target, verdict: ratio > 1 ? "pass" : "fail" };
}

const pct = (v: number) => `${v >= 0 ? "+" : "−"}${Math.abs(v * 100).toFixed(2)} %`;

/**
 * An estimate next to its reference, with the relative error; passes within `tolerance`
 * (relative). The tolerance is printed so the verdict can be read.
 */
export function estimate(
  name: string,
  ours: number,
  reference: number,
  who: string,
  tolerance: number,
  toleranceText = `${(tolerance * 100).toFixed(tolerance < 0.01 ? 1 : 0)} %`,
): Row {
  const error = ours / reference - 1;
  return {
    name,
    value: Number(ours.toPrecision(6)),
    unit: "",
    target: `${who} ${reference} (${pct(error)}, tolerance ${toleranceText})`,
    verdict: Math.abs(error) <= tolerance ? "pass" : "fail",
  };
}

/**
 * Standard errors of ln r, ln α, ln a, ln b at the fit, from the observed information: the
 * Hessian of the log-likelihood by central differences of its analytic gradient. For a
 * log-parameter the standard error is the relative standard error of the parameter.
 */
export function logParameterErrors(fit: BgNbdParams, rows: CompressedRows): number[] {
  const theta = [fit.r, fit.alpha, fit.a, fit.b].map(Math.log);
  const grad = (t: number[]) =>
    bgNbdLikelihood(
      { r: Math.exp(t[0]), alpha: Math.exp(t[1]), a: Math.exp(t[2]), b: Math.exp(t[3]) },
      rows,
    ).grad;
  const h = 1e-4;
  const hessian = theta.map((_, j) => {
    const up = grad(theta.map((t, k) => (k === j ? t + h : t)));
    const down = grad(theta.map((t, k) => (k === j ? t - h : t)));
    return up.map((u, i) => (u - down[i]) / (2 * h));
  });
  const symmetric = hessian.map((row, i) => row.map((v, j) => (v + hessian[j][i]) / 2));
  const covariance = invert(symmetric.map((row) => row.map((v) => -v)));
  return covariance.map((row, i) => Math.sqrt(row[i]));
}

/** Gauss–Jordan inverse of a small symmetric positive definite matrix. */
function invert(m: number[][]): number[][] {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let i = col + 1; i < n; i++) if (Math.abs(a[i][col]) > Math.abs(a[pivot][col])) pivot = i;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    const d = a[col][col];
    for (let j = 0; j < 2 * n; j++) a[col][j] /= d;
    for (let i = 0; i < n; i++) {
      if (i === col) continue;
      const f = a[i][col];
      for (let j = 0; j < 2 * n; j++) a[i][j] -= f * a[col][j];
    }
  }
  return a.map((row) => row.slice(n));
}
