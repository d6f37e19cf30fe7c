/** A seeded pseudo-random source, for simulations that tests and benches can repeat. */
export interface Random {
  /** Uniform on [0, 1). */
  next(): number;
  /** Exponential with the given rate. */
  exponential(rate: number): number;
  /** Gamma with the given shape and rate (Marsaglia & Tsang 2000). */
  gamma(shape: number, rate: number): number;
  /** Beta(a, b), as a ratio of gammas. */
  beta(a: number, b: number): number;
}

/**
 * mulberry32: small, fast and good enough for Monte Carlo checks (not for secrets).
 * @example seededRandom(42).next() // the same number on every run
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => {
    const u = 1 - next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  const gamma = (shape: number, rate: number): number => {
    if (shape < 1) {
      // Boost: Gamma(k) = Gamma(k + 1) · U^(1/k).
      return gamma(shape + 1, rate) * (1 - next()) ** (1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let z: number;
      let v: number;
      do {
        z = normal();
        v = 1 + c * z;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - next();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
    }
  };
  return {
    next,
    exponential: (rate) => -Math.log(1 - next()) / rate,
    gamma,
    beta: (a, b) => {
      const x = gamma(a, 1);
      return x / (x + gamma(b, 1));
    },
  };
}
