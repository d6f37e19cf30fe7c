import type { BgNbdParams } from "./bg-nbd-likelihood.ts";
import type { FrequencyRow } from "./frequency-rows.ts";
import { seededRandom } from "./seeded-random.ts";

export interface SimulationOptions {
  customers: number;
  seed: number;
  /** Observation length T in weeks, drawn uniformly from [min, max]. */
  observationWeeks: [number, number];
  /**
   * Round purchase times down to whole days and keep one purchase per day, as
   * summarizeTransactions does (T is then a whole number of days too). Default false.
   */
  days?: boolean;
}

/**
 * Draws customers from the BG/NBD process: λ ~ Gamma(r, α), p ~ Beta(a, b); purchases arrive
 * at rate λ after the first one at time 0, and after each repeat purchase the customer drops
 * out with probability p. Used to check parameter recovery and to benchmark fits.
 * @example simulateBgNbd({r: 0.25, alpha: 4, a: 0.8, b: 2.5}, {customers: 1000, seed: 1, observationWeeks: [27, 39]})
 */
export function simulateBgNbd(params: BgNbdParams, options: SimulationOptions): FrequencyRow[] {
  const random = seededRandom(options.seed);
  const [minT, maxT] = options.observationWeeks;
  const rows: FrequencyRow[] = new Array(options.customers);
  for (let i = 0; i < options.customers; i++) {
    const lambda = random.gamma(params.r, params.alpha);
    const p = random.beta(params.a, params.b);
    let T = minT + (maxT - minT) * random.next();
    if (options.days) T = Math.floor(T * 7) / 7;
    let t = 0;
    let x = 0;
    let t_x = 0;
    for (;;) {
      t += random.exponential(lambda);
      if (t > T) break;
      const at = options.days ? Math.floor(t * 7) / 7 : t;
      // A second purchase on an already counted day is merged into it.
      if (at > t_x) {
        x += 1;
        t_x = at;
      }
      if (random.next() < p) break;
    }
    rows[i] = { x, t_x, T };
  }
  return rows;
}
