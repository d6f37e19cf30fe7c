import { ClvInputError, ClvInsufficientDataError } from "./clv-errors.ts";
import type { GammaGammaParams } from "./fit-gamma-gamma.ts";

/**
 * Expected spend per future purchase of a customer with x repeat purchases of mean spend m
 * (Fader & Hardie 2013, eq. 5): (γ + m·x)·p / (p·x + q − 1). With x = 0 it is the population
 * mean p·γ / (q − 1), which is infinite when q <= 1 (then CLV_INSUFFICIENT_DATA).
 * @example conditionalExpectedSpend({p: 6.25, q: 3.74, gamma: 15.44}, 2, 22.35) // ≈ 24.6
 */
export function conditionalExpectedSpend(g: GammaGammaParams, x: number, monetary: number): number {
  if (!Number.isInteger(x) || x < 0) throw new ClvInputError("x", "must be a whole number >= 0");
  if (!Number.isFinite(monetary) || monetary < 0)
    throw new ClvInputError("monetary", "must be a number >= 0");
  const denominator = g.p * x + g.q - 1;
  if (!(denominator > 0)) {
    throw new ClvInsufficientDataError(
      "mean_spend_undefined",
      `the fitted spend model has q = ${g.q.toFixed(3)} <= 1: its mean spend is infinite`,
    );
  }
  return ((g.gamma + monetary * x) * g.p) / denominator;
}
