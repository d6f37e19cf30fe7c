/**
 * Corrections: the ledger is append-only, so a fact is corrected by a new fact of the same
 * type that names it (`corrects: "<id>"`). Reading applies them: the latest correction's
 * content stands under the ORIGINAL id, so what referred to the original (a payment to its
 * invoice, a return to its order, evidence) still does. Chains (a correction of a correction)
 * go back to the original.
 */
import type { Fact } from "./facts.ts";

/** The id a fact corrects, if any (`corrects`, or an unknown field of that name). */
export function correctedId(fact: Fact): string | undefined {
  const value = fact.corrects ?? fact.extra?.corrects;
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * Applies every correction in `facts` (one customer's or any set). Corrections are taken
 * oldest first by `at`, then in input order, so the latest wins. A correction whose original
 * is not in `facts` stays as a fact of its own.
 * @example applyCorrections([order, {...order, id: "o1~2", corrects: "o1", price: 90}]) // [{...order, price: 90}]
 */
export function applyCorrections<F extends Fact>(facts: readonly F[]): F[] {
  const corrections = facts
    .map((fact, index) => ({ fact, index, target: correctedId(fact) }))
    .filter((c): c is { fact: F; index: number; target: string } => c.target !== undefined);
  if (corrections.length === 0) return [...facts];
  const key = (type: string, id: string) => `${type}\u0000${id}`;
  const targetOf = new Map(corrections.map((c) => [key(c.fact.type, c.fact.id), c.target]));
  const originals = new Set(
    facts.filter((f) => correctedId(f) === undefined).map((f) => key(f.type, f.id)),
  );
  /** The original a chain leads to, and how many corrections deep this one is. */
  const rootOf = (type: string, id: string): { root: string; depth: number } => {
    let current = id;
    const seen = new Set<string>();
    for (;;) {
      const next = targetOf.get(key(type, current));
      if (next === undefined || seen.has(current)) return { root: current, depth: seen.size };
      seen.add(current);
      current = next;
    }
  };
  const ranked = corrections.map((c) => ({ ...c, ...rootOf(c.fact.type, c.target) }));
  // A correction of a correction comes after it, whatever their order in the input.
  ranked.sort((a, b) => a.fact.at - b.fact.at || a.depth - b.depth || a.index - b.index);
  const latest = new Map<string, F>();
  const applied = new Set<F>();
  for (const c of ranked) {
    const root = c.root;
    if (!originals.has(key(c.fact.type, root))) continue;
    latest.set(key(c.fact.type, root), c.fact);
    applied.add(c.fact);
  }
  const out: F[] = [];
  for (const fact of facts) {
    if (applied.has(fact)) continue;
    const correction =
      correctedId(fact) === undefined ? latest.get(key(fact.type, fact.id)) : undefined;
    out.push(correction ? ({ ...correction, id: fact.id, corrects: undefined } as F) : fact);
  }
  return out;
}
