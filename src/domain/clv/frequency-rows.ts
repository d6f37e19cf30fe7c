import { ClvInputError } from "./clv-errors.ts";

/** A customer's (or, with `weight`, several identical customers') purchase counts in weeks. */
export interface FrequencyRow {
  x: number;
  t_x: number;
  T: number;
  /** How many customers share this row (default 1). */
  weight?: number;
}

/**
 * Identical (x, t_x, T) rows merged with weights, and the distinct x values indexed, so that
 * a likelihood evaluation computes gamma functions once per distinct x.
 */
export interface CompressedRows {
  /** Per unique row: x, t_x (0 when x = 0), T, weight, and the index of x in xs. */
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  w: Float64Array;
  xi: Int32Array;
  /** Distinct x values and the total weight of each. */
  xs: Float64Array;
  xw: Float64Array;
  /** Total number of customers (sum of weights). */
  customers: number;
  /** Total repeat purchases (Σ weight · x). */
  repeats: number;
  /** Longest observation T. */
  maxT: number;
}

function checkRow(row: FrequencyRow, i: number): number {
  const { x, t_x, T } = row;
  const weight = row.weight ?? 1;
  if (!Number.isInteger(x) || x < 0)
    throw new ClvInputError(`rows[${i}].x`, "must be a whole number >= 0");
  if (!Number.isFinite(T) || T < 0)
    throw new ClvInputError(`rows[${i}].T`, "must be a number >= 0");
  if (!Number.isFinite(t_x) || t_x < 0 || t_x > T + 1e-9) {
    throw new ClvInputError(`rows[${i}].t_x`, "must be a number between 0 and T");
  }
  if (!Number.isFinite(weight) || weight <= 0)
    throw new ClvInputError(`rows[${i}].weight`, "must be > 0");
  return weight;
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
function mix(h: number, v: number): number {
  bits[0] = v;
  h = Math.imul(h ^ words[0], 0x9e3779b1);
  h = Math.imul(h ^ words[1], 0x85ebca77);
  return h ^ (h >>> 15);
}

/**
 * Validates and compresses rows (open-addressing hash on the exact values, linear in the
 * number of rows); throws ClvInputError naming the first bad field.
 */
export function compressRows(rows: readonly FrequencyRow[]): CompressedRows {
  const n = rows.length;
  let capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  const table = new Int32Array(capacity).fill(-1);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const w = new Float64Array(n);
  let unique = 0;
  let customers = 0;
  let repeats = 0;
  let maxT = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const weight = checkRow(row, i);
    const rx = row.x;
    const rtx = rx === 0 ? 0 : Math.min(row.t_x, row.T);
    const rT = row.T;
    customers += weight;
    repeats += weight * rx;
    if (rT > maxT) maxT = rT;
    let slot = mix(mix(mix(17, rx), rtx), rT) & (capacity - 1);
    for (;;) {
      const at = table[slot];
      if (at === -1) {
        table[slot] = unique;
        x[unique] = rx;
        tx[unique] = rtx;
        T[unique] = rT;
        w[unique] = weight;
        unique++;
        break;
      }
      if (x[at] === rx && tx[at] === rtx && T[at] === rT) {
        w[at] += weight;
        break;
      }
      slot = (slot + 1) & (capacity - 1);
    }
  }
  const xIndex = new Map<number, number>();
  const xi = new Int32Array(unique);
  const xsList: number[] = [];
  const xwList: number[] = [];
  for (let i = 0; i < unique; i++) {
    let k = xIndex.get(x[i]);
    if (k === undefined) {
      k = xsList.length;
      xIndex.set(x[i], k);
      xsList.push(x[i]);
      xwList.push(0);
    }
    xi[i] = k;
    xwList[k] += w[i];
  }
  return {
    x: x.slice(0, unique),
    tx: tx.slice(0, unique),
    T: T.slice(0, unique),
    w: w.slice(0, unique),
    xi,
    xs: Float64Array.from(xsList),
    xw: Float64Array.from(xwList),
    customers,
    repeats,
    maxT,
  };
}
