/**
 * Themes (issue 17): agreement with human annotation, and speed on 10,000 texts.
 *
 * Agreement: the French restaurant review sentences of ../shared/data/reviews-fr (SemEval-2016,
 * EVALUATION ONLY: read from there, never copied into the repository, never used to write or
 * tune anything). Every sentence annotated with exactly one coarse aspect other than `general`
 * is measured; Comptoir's theme for a sentence is its highest-scoring theme (ties in codebook
 * order), sentences with no theme form one `none` group, at most 12 themes. Printed: the
 * default codebook alone, the codebook plus discovery (every suggestion accepted, as an owner
 * would), and plain TF-IDF + k-means with 12 clusters. Discovery sees all 1,664 sentences, as
 * a business sees all its feedback, but never their labels.
 *
 * Speed: 10,000 synthetic feedback texts of a repair shop (generated here, nothing from the
 * evaluation data) grouped with discovery, time and peak memory.
 * Standalone: `node bin/run-ts.js bench/themes-bench.ts`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { kmeans } from "ml-kmeans";
import {
  groupTexts,
  type SuggestedTheme,
  suggestionTheme,
} from "../src/app/themes/engine/group-texts.ts";
import { bare } from "../src/domain/themes/analyse-text.ts";
import { bestTheme, type Codebook } from "../src/domain/themes/codebook.ts";
import { DEFAULT_CODEBOOK } from "../src/domain/themes/default-codebook.ts";
import { nmi } from "../src/domain/themes/nmi.ts";
import { type BenchRow, peakRssMb, sampleRss } from "./table.ts";

/** ../shared beside the checkout, or COMPTOIR_SHARED_DIR (as the tests find it). */
const REVIEWS = join(
  process.env.COMPTOIR_SHARED_DIR || fileURLToPath(new URL("../../shared/", import.meta.url)),
  "data/reviews-fr/semeval16_fr_restaurants_train.jsonl",
);
const MAX_THEMES = 12;
const TARGET_NMI = 0.3;
const TARGET_SECONDS = 10;

interface Review {
  text: string;
  themes: string[];
}

const row = (measure: string, value: string, target = ""): BenchRow => ({
  bench: "themes",
  measure,
  value,
  target,
});
const fixed = (x: number) => x.toFixed(3);

/** Each sentence's best theme over its parts (a review line may hold several sentences). */
function assign(texts: readonly { text: string }[], codebook: Codebook): string[] {
  const { sentences } = groupTexts(texts, "fr", codebook, { discover: false });
  const sums = texts.map(() => codebook.themes.map(() => 0));
  for (const s of sentences)
    s.scores.forEach((x, t) => {
      sums[s.text][t] += x;
    });
  return sums.map((scores) => {
    const best = bestTheme(scores);
    return best < 0 ? "none" : codebook.themes[best].id;
  });
}

/** Plain TF-IDF (stopwords, Snowball stems) + k-means, the baseline. */
function baseline(texts: readonly { text: string }[], k: number): number[] {
  const { sentences } = groupTexts(texts, "fr", { themes: [], dismissed: [] }, { discover: false });
  const docs = texts.map(() => new Set<string>());
  for (const s of sentences) for (const t of s.tokens) docs[s.text].add(bare(t));
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d) df.set(t, (df.get(t) ?? 0) + 1);
  const vocab = [...df].filter(([, c]) => c >= 2).map(([t]) => t);
  const index = new Map(vocab.map((t, i) => [t, i]));
  const n = docs.length;
  const rows = docs.map((d) => {
    const v = new Array<number>(vocab.length).fill(0);
    for (const t of d) {
      const i = index.get(t);
      if (i !== undefined) v[i] = Math.log((1 + n) / (1 + (df.get(t) as number))) + 1;
    }
    const norm = Math.hypot(...v) || 1;
    return v.map((x) => x / norm);
  });
  return kmeans(rows, k, { seed: 17, initialization: "kmeans++" }).clusters;
}

function codebookCommit(): string {
  try {
    return execFileSync(
      "git",
      ["log", "-1", "--format=%h %cs", "--", "src/domain/themes/default-codebook.ts"],
      { cwd: fileURLToPath(new URL("..", import.meta.url)), encoding: "utf8" },
    ).trim();
  } catch {
    return "(not a git checkout)";
  }
}

function agreement(): BenchRow[] {
  if (!existsSync(REVIEWS))
    return [
      row("agreement (NMI)", `skipped: ${REVIEWS} not found`, "../shared/data beside the checkout"),
    ];
  const all: Review[] = readFileSync(REVIEWS, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l));
  const measured = all
    .map((r, i) => ({ i, themes: r.themes }))
    .filter((r) => r.themes.length === 1 && r.themes[0] !== "general");
  const gold = measured.map((r) => r.themes[0]);
  const pick = (labels: readonly (string | number)[]) => measured.map((r) => labels[r.i]);
  const texts = all.map((r) => ({ text: r.text }));

  const alone = assign(texts, DEFAULT_CODEBOOK);
  const { suggestions } = groupTexts(texts, "fr", DEFAULT_CODEBOOK, {
    maxSuggestions: MAX_THEMES - DEFAULT_CODEBOOK.themes.length,
  });
  const accepted: Codebook = {
    themes: [
      ...DEFAULT_CODEBOOK.themes,
      ...suggestions.map((s: SuggestedTheme, i) =>
        suggestionTheme(s, `found-${i + 1}`, s.words.join(", ")),
      ),
    ],
    dismissed: [],
  };
  const withDiscovery = assign(texts, accepted);
  const plain = baseline(texts, MAX_THEMES);
  const none = (labels: string[]) => pick(labels).filter((l) => l === "none").length;
  const score = nmi(gold, pick(withDiscovery));
  return [
    row(
      "sentences measured (one coarse aspect, not general)",
      `${measured.length} of ${all.length}`,
    ),
    row("default codebook: commit", codebookCommit(), "committed before the first measurement"),
    row("NMI, default codebook alone", `${fixed(nmi(gold, pick(alone)))} (${none(alone)} in none)`),
    row(
      `NMI, codebook + discovery (${accepted.themes.length} themes)`,
      `${fixed(score)} (${none(withDiscovery)} in none)`,
      `>= ${TARGET_NMI}: ${score >= TARGET_NMI ? "met" : "MISSED"}`,
    ),
    row(
      `NMI, plain TF-IDF + k-means (${MAX_THEMES})`,
      fixed(nmi(gold, pick(plain))),
      "0.19 in the data's README",
    ),
    ...suggestions.map((s, i) =>
      row(`  discovered ${i + 1}`, `${s.words.join(", ")} (${s.texts.length})`),
    ),
  ];
}

/** A repair shop's feedback, from word lists and a seeded generator: nothing from the reviews. */
export function syntheticTexts(count: number, seed = 7): string[] {
  let state = seed;
  const rnd = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const parts = [
    ["Le prix était", "Le devis était", "La facture était", "Le tarif me semble"],
    ["trop cher", "raisonnable", "pas cher du tout", "un peu élevé", "correct"],
    [
      "La réparation",
      "Le ressemelage",
      "La retouche",
      "Le travail sur mes bottes",
      "La fermeture éclair",
    ],
    [
      "est impeccable",
      "a lâché au bout d'une semaine",
      "est soignée",
      "laisse à désirer",
      "tient bien",
    ],
    ["J'ai attendu", "Le délai était de", "Il a fallu patienter", "Livré en"],
    ["deux semaines", "trois jours", "une heure au comptoir", "plus longtemps que prévu"],
    ["L'accueil", "Le cordonnier", "La vendeuse", "L'équipe"],
    ["est très aimable", "n'a pas été sympathique", "m'a bien conseillé", "était pressé"],
    [
      "Pas de parking devant l'atelier.",
      "Boutique propre et lumineuse.",
      "Personne ne répond au téléphone.",
      "Le cuir du sac a bien vieilli.",
      "Ma veste en laine est comme neuve.",
      "Les lacets fournis sont solides.",
    ],
  ];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 1 + Math.floor(rnd() * 3);
    const sentences: string[] = [];
    for (let j = 0; j < n; j++) {
      const g = Math.floor(rnd() * 5);
      if (g === 4) sentences.push(pick(parts[8]));
      else sentences.push(`${pick(parts[g * 2])} ${pick(parts[g * 2 + 1])}.`);
    }
    out.push(sentences.join(" "));
  }
  return out;
}

function speed(): BenchRow[] {
  const texts = syntheticTexts(10_000).map((text) => ({ text }));
  const stop = sampleRss();
  const start = performance.now();
  const { sentences, suggestions } = groupTexts(texts, "fr", DEFAULT_CODEBOOK);
  const seconds = (performance.now() - start) / 1000;
  const peak = stop();
  return [
    row(
      `10,000 texts grouped (${sentences.length} sentences, ${suggestions.length} suggestions)`,
      `${seconds.toFixed(2)} s`,
      `< ${TARGET_SECONDS} s: ${seconds < TARGET_SECONDS ? "met" : "MISSED"}`,
    ),
    row("10,000 texts grouped: peak memory (process RSS)", `${peakRssMb(peak)} MB`, "bounded"),
  ];
}

export async function themesBench(): Promise<BenchRow[]> {
  return [...agreement(), ...speed()];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { printTable } = await import("./table.ts");
  console.log(printTable(await themesBench()));
}
