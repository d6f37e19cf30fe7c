/**
 * Normalised mutual information between two labellings of the same items, normalised by the
 * arithmetic mean of their entropies (as scikit-learn's default): 1 for the same partition,
 * near 0 for independent ones. Used by the bench to compare themes with human annotation.
 * @example nmi(["a", "a", "b"], [1, 1, 2]) // 1
 */
export function nmi<A, B>(a: readonly A[], b: readonly B[]): number {
  if (a.length !== b.length) throw new Error("nmi: the two labellings differ in length");
  const n = a.length;
  if (n === 0) return 0;
  const ca = new Map<A, number>();
  const cb = new Map<B, number>();
  const joint = new Map<A, Map<B, number>>();
  for (let i = 0; i < n; i++) {
    ca.set(a[i], (ca.get(a[i]) ?? 0) + 1);
    cb.set(b[i], (cb.get(b[i]) ?? 0) + 1);
    const row = joint.get(a[i]) ?? new Map<B, number>();
    joint.set(a[i], row);
    row.set(b[i], (row.get(b[i]) ?? 0) + 1);
  }
  const entropy = (counts: Map<unknown, number>) => {
    let h = 0;
    for (const c of counts.values()) h -= (c / n) * Math.log(c / n);
    return h;
  };
  let mi = 0;
  for (const [x, row] of joint)
    for (const [y, c] of row)
      mi += (c / n) * Math.log((n * c) / ((ca.get(x) as number) * (cb.get(y) as number)));
  const ha = entropy(ca);
  const hb = entropy(cb);
  if (ha === 0 && hb === 0) return 1;
  const mean = (ha + hb) / 2;
  return mean === 0 ? 0 : Math.max(0, mi / mean);
}
