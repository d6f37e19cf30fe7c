/**
 * Discovery: among the sentences the codebook leaves out, groups that recur, found with TF-IDF
 * on words and pairs of neighbouring words and k-means (ml-kmeans, cosine through unit
 * vectors). Each group becomes a suggestion with its top terms and example sentences; the
 * owner accepts it (its keywords join the codebook), renames or dismisses it.
 * Bounded: at most MAX_FEATURES terms and MAX_SAMPLE sentences go into k-means, whatever the
 * number of texts; the keywords then find the members among all sentences.
 */
import { kmeans } from "ml-kmeans";
import { NOT } from "../../../domain/themes/analyse-text.ts";
import { INTENSITY_WORDS, NEGATIONS } from "../../../domain/themes/stoplist.ts";
import { snowballStem } from "./text-analyser.ts";

export const MAX_FEATURES = 600;
export const MAX_SAMPLE = 3000;
/** Suggestions at most (the bench's limit of 12 themes leaves 5 beside the 7 default ones). */
export const MAX_SUGGESTIONS = 5;
const KEYWORDS_PER_SUGGESTION = 5;

export interface DiscoveryInput {
  tokens: string[];
  text: string;
}

export interface Suggestion {
  /** Stable for the same top terms: what a dismissal remembers. */
  id: string;
  /** Top terms as stems (unigrams "cuir", pairs "talon cass"). */
  terms: string[];
  /** Indexes (into the input) of the sentences that contain one of the terms. */
  members: number[];
  /** Up to three sentences nearest to the group's centre. */
  examples: string[];
}

const negationWords = new Set([...NEGATIONS.fr, ...NEGATIONS.en]);
/** The stems of the intensity words, in both languages (tokens are stems). */
const intensityStems = new Set(
  [...INTENSITY_WORDS].flatMap((w) => [snowballStem(w, "fr"), snowballStem(w, "en"), w]),
);

/** The features of a sentence: its words (negation marks kept) and pairs of neighbours. */
export function features(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  const words = tokens.filter((t) => !negationWords.has(t));
  for (let i = 0; i < words.length; i++) {
    if (!intensityStems.has(words[i].startsWith(NOT) ? words[i].slice(NOT.length) : words[i]))
      out.add(words[i]);
    if (i + 1 < words.length) out.add(`${words[i]} ${words[i + 1]}`);
  }
  return out;
}

/** A short stable id from the terms (FNV-1a). */
export function suggestionId(terms: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const c of [...terms].sort().join("|")) {
    h ^= c.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `s-${h.toString(16).padStart(8, "0")}`;
}

export interface DiscoveryOptions {
  maxSuggestions?: number;
  /** Suggestion ids the owner dismissed. */
  dismissed?: ReadonlySet<string>;
  seed?: number;
}

export function discoverThemes(
  docs: readonly DiscoveryInput[],
  options: DiscoveryOptions = {},
): Suggestion[] {
  const maxSuggestions = options.maxSuggestions ?? MAX_SUGGESTIONS;
  const n = docs.length;
  if (n < 8 || maxSuggestions <= 0) return [];
  const feats = docs.map((d) => features(d.tokens));
  const df = new Map<string, number>();
  for (const f of feats) for (const t of f) df.set(t, (df.get(t) ?? 0) + 1);
  const minDf = Math.max(2, Math.ceil(n * 0.005));
  const vocab = [...df]
    .filter(([, c]) => c >= minDf && c <= n * 0.4)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_FEATURES)
    .map(([t]) => t);
  if (vocab.length < 2) return [];
  const index = new Map(vocab.map((t, i) => [t, i]));
  const idf = vocab.map((t) => Math.log((1 + n) / (1 + (df.get(t) as number))) + 1);

  // an even sample, so that 100,000 sentences cost what 3,000 do
  const step = Math.max(1, n / MAX_SAMPLE);
  const sample: number[] = [];
  for (let x = 0; Math.floor(x) < n; x += step) sample.push(Math.floor(x));
  const rows: number[][] = [];
  const rowDoc: number[] = [];
  for (const d of sample) {
    const v = new Array<number>(vocab.length).fill(0);
    let norm = 0;
    for (const t of feats[d]) {
      const i = index.get(t);
      if (i === undefined) continue;
      v[i] = idf[i];
      norm += idf[i] * idf[i];
    }
    if (norm === 0) continue;
    const s = 1 / Math.sqrt(norm);
    for (let i = 0; i < v.length; i++) if (v[i] !== 0) v[i] *= s;
    rows.push(v);
    rowDoc.push(d);
  }
  const m = rows.length;
  const k = Math.min(2 * maxSuggestions, Math.max(2, Math.floor(m / 10)));
  if (m < k * 2) return [];
  const result = kmeans(rows, k, {
    seed: options.seed ?? 17,
    initialization: "kmeans++",
    maxIterations: 60,
  });

  const candidates: { terms: string[]; score: number; centroid: number[]; rows: number[] }[] = [];
  for (let c = 0; c < k; c++) {
    const members: number[] = [];
    for (let r = 0; r < m; r++) if (result.clusters[r] === c) members.push(r);
    if (members.length < Math.max(3, Math.ceil(m * 0.02))) continue;
    const inside = new Map<string, number>();
    for (const r of members)
      for (const t of feats[rowDoc[r]]) if (index.has(t)) inside.set(t, (inside.get(t) ?? 0) + 1);
    const ranked = [...inside]
      .map(([t, cIn]) => {
        const pIn = cIn / members.length;
        const pOut = ((df.get(t) as number) * (m / n) - cIn) / Math.max(1, m - members.length);
        return { t, pIn, score: pIn * Math.log((pIn + 0.01) / (Math.max(0, pOut) + 0.01)) };
      })
      .filter((x) => x.pIn >= 0.15 && x.score > 0)
      .sort((a, b) => b.score - a.score || (a.t < b.t ? -1 : 1));
    // a pair's words are not repeated as single terms
    const terms: string[] = [];
    for (const { t } of ranked) {
      if (terms.length >= KEYWORDS_PER_SUGGESTION) break;
      const words = t.split(" ");
      if (terms.some((u) => u.split(" ").some((w) => words.includes(w)))) continue;
      terms.push(t);
    }
    // a group whose best term is in under a third of it is not one theme
    if (terms.length === 0 || ranked[0].pIn < 0.33) continue;
    candidates.push({
      terms,
      score: members.length * ranked[0].pIn,
      centroid: result.centroids[c],
      rows: members,
    });
  }
  candidates.sort((a, b) => b.score - a.score);

  const out: Suggestion[] = [];
  for (const cand of candidates) {
    if (out.length >= maxSuggestions) break;
    const terms = cand.terms.map((t) =>
      t
        .split(" ")
        .map((w) => (w.startsWith(NOT) ? w.slice(NOT.length) : w))
        .join(" "),
    );
    const id = suggestionId(terms);
    // two suggestions sharing a word would read as the same theme twice: the larger stays
    const named = new Set(terms.flatMap((t) => t.split(" ")));
    if (out.some((s) => s.terms.some((t) => t.split(" ").some((w) => named.has(w))))) continue;
    if (options.dismissed?.has(id)) continue;
    const wanted = new Set(cand.terms);
    const members: number[] = [];
    for (let d = 0; d < n; d++)
      for (const t of wanted)
        if (feats[d].has(t)) {
          members.push(d);
          break;
        }
    const near = cand.rows
      .map((r) => ({ r, dot: rows[r].reduce((s, x, i) => s + x * cand.centroid[i], 0) }))
      .sort((a, b) => b.dot - a.dot)
      .slice(0, 3)
      .map(({ r }) => docs[rowDoc[r]].text);
    out.push({ id, terms, members, examples: near });
  }
  return out;
}
