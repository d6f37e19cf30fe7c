import type { ReferenceCard } from "./duckdb-signals.ts";

const show = (card: ReferenceCard | undefined) =>
  card === undefined ? "absent" : `${card.segment ?? "prospect"} [${card.signals.join(", ")}]`;

/**
 * Our scorecards against DuckDB's, customer by customer: "all N customers agree", or how many
 * differ and the first `shown` of them (sorted by id) with both sides.
 * @example compareCards(ours, theirs) // "383 of 3000 customers differ; c1027: ours renegotiate [haggler, loyal], DuckDB partner [loyal]; ..."
 */
export function compareCards(
  ours: ReadonlyMap<string, ReferenceCard>,
  theirs: ReadonlyMap<string, ReferenceCard>,
  shown = 5,
): string {
  const ids = [...new Set([...ours.keys(), ...theirs.keys()])].sort();
  const differ = ids.filter((id) => show(ours.get(id)) !== show(theirs.get(id)));
  if (differ.length === 0) return `all ${ids.length} customers agree`;
  const first = differ
    .slice(0, shown)
    .map((id) => `${id}: ours ${show(ours.get(id))}, DuckDB ${show(theirs.get(id))}`);
  return `${differ.length} of ${ids.length} customers differ; ${first.join("; ")}`;
}
