/**
 * Likely duplicates among customer records (docs/customers.md): the same e-mail address (case
 * ignored), the same phone number once written in E.164, or names within two edits of each
 * other once folded (case, accents and punctuation ignored). Names of fewer than
 * FUZZY_MIN_LENGTH characters must be equal once folded: two edits would match any two of them.
 */
import { editDistanceWithin, foldName, phoneE164 } from "./customer-record.ts";

export type DuplicateReason = "email" | "phone" | "name";

export interface DuplicateCandidate {
  id: string;
  name: string;
  email?: string;
  phone?: string;
}

export interface DuplicatePair {
  /** The two customers, `a` the one with the smaller id. */
  a: string;
  b: string;
  reasons: DuplicateReason[];
}

export const MAX_NAME_EDITS = 2;
export const FUZZY_MIN_LENGTH = 5;

/**
 * Every pair of likely duplicates, sorted by `a` then `b`. Names are matched through an
 * index of their three parts: two names within two edits share one part unchanged, at most two
 * characters away from where it was (pigeonhole), so no pair of names is compared blindly.
 * @example findDuplicates([{ id: "a", name: "Émile Dupont" }, { id: "b", name: "emile dupond" }])
 *   // [{ a: "a", b: "b", reasons: ["name"] }]
 */
export function findDuplicates(customers: readonly DuplicateCandidate[]): DuplicatePair[] {
  const pairs = new Map<string, Set<DuplicateReason>>();
  const add = (x: string, y: string, reason: DuplicateReason) => {
    if (x === y) return;
    const key = x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
    const reasons = pairs.get(key) ?? new Set<DuplicateReason>();
    reasons.add(reason);
    pairs.set(key, reasons);
  };
  const sameKey = (
    reason: "email" | "phone",
    keyOf: (c: DuplicateCandidate) => string | undefined,
  ) => {
    const seen = new Map<string, string[]>();
    for (const c of customers) {
      const key = keyOf(c);
      if (!key) continue;
      const ids = seen.get(key) ?? [];
      for (const other of ids) add(other, c.id, reason);
      ids.push(c.id);
      seen.set(key, ids);
    }
  };
  sameKey("email", (c) => c.email?.trim().toLowerCase() || undefined);
  sameKey("phone", (c) => (c.phone ? phoneE164(c.phone) : undefined));
  matchNames(customers, add);
  return [...pairs.entries()]
    .map(([key, reasons]) => {
      const [a, b] = key.split("\u0000") as [string, string];
      return { a, b, reasons: REASONS.filter((r) => reasons.has(r)) };
    })
    .sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
}

const REASONS: DuplicateReason[] = ["email", "phone", "name"];

/** The three parts of a text of length n: [start, length] each. */
function parts(n: number): [number, number][] {
  const cut = [0, Math.floor(n / 3), Math.floor((2 * n) / 3), n];
  return [0, 1, 2].map((i) => [cut[i] as number, (cut[i + 1] as number) - (cut[i] as number)]);
}

function matchNames(
  customers: readonly DuplicateCandidate[],
  add: (x: string, y: string, reason: DuplicateReason) => void,
): void {
  const exact = new Map<string, string[]>();
  // `${length}|${part}|${text}` → indexes of the names (long enough) with that part.
  const index = new Map<string, number[]>();
  const folded = customers.map((c) => foldName(c.name));
  folded.forEach((name, i) => {
    if (name === "") return;
    const id = (customers[i] as DuplicateCandidate).id;
    const same = exact.get(name) ?? [];
    for (const other of same) add(other, id, "name");
    same.push(id);
    exact.set(name, same);
  });
  folded.forEach((name, i) => {
    if (name.length < FUZZY_MIN_LENGTH) return;
    const id = (customers[i] as DuplicateCandidate).id;
    const candidates = new Set<number>();
    for (let n = name.length - MAX_NAME_EDITS; n <= name.length + MAX_NAME_EDITS; n++) {
      if (n < FUZZY_MIN_LENGTH) continue;
      parts(n).forEach(([start, length], part) => {
        for (let p = start - MAX_NAME_EDITS; p <= start + MAX_NAME_EDITS; p++) {
          if (p < 0 || p + length > name.length) continue;
          for (const j of index.get(`${n}|${part}|${name.slice(p, p + length)}`) ?? [])
            candidates.add(j);
        }
      });
    }
    for (const j of candidates) {
      const other = folded[j] as string;
      if (other !== name && editDistanceWithin(name, other, MAX_NAME_EDITS) <= MAX_NAME_EDITS)
        add((customers[j] as DuplicateCandidate).id, id, "name");
    }
    parts(name.length).forEach(([start, length], part) => {
      const key = `${name.length}|${part}|${name.slice(start, start + length)}`;
      const list = index.get(key) ?? [];
      list.push(i);
      index.set(key, list);
    });
  });
}
