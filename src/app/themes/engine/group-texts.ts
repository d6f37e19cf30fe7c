/**
 * The themes pipeline on plain texts, shared by the use cases and the bench: sentences,
 * language, tokens, codebook scores, then discovery among the sentences no theme scores for.
 */
import { splitSentences, type ThemeLang, tokens } from "../../../domain/themes/analyse-text.ts";
import {
  type Codebook,
  type CodebookTheme,
  compileCodebook,
  scoreTokens,
} from "../../../domain/themes/codebook.ts";
import { discoverThemes, type Suggestion } from "./discover-themes.ts";
import { textLang, tokenOptions } from "./text-analyser.ts";

export interface TextInput {
  text: string;
  /** The fact's own `lang`, when it has one. */
  lang?: string;
}

export interface GroupedSentence {
  /** Index of its text in the input. */
  text: number;
  sentence: string;
  lang: ThemeLang;
  tokens: string[];
  scores: number[];
}

export interface SuggestedTheme extends Suggestion {
  /** The terms as words people wrote (a stem's shortest form), what joins the codebook. */
  words: string[];
  lang: ThemeLang;
  /** Indexes of the texts with a member sentence. */
  texts: number[];
}

export interface Grouping {
  sentences: GroupedSentence[];
  suggestions: SuggestedTheme[];
}

export interface GroupOptions {
  /** Look for new themes among what the codebook leaves out (default true). */
  discover?: boolean;
  maxSuggestions?: number;
}

export function groupTexts(
  texts: readonly TextInput[],
  orgLang: ThemeLang,
  codebook: Codebook,
  options: GroupOptions = {},
): Grouping {
  const opts = tokenOptions();
  const book = compileCodebook(codebook, opts);
  const sentences: GroupedSentence[] = [];
  texts.forEach((input, i) => {
    const lang = textLang(input.text, orgLang, input.lang);
    for (const sentence of splitSentences(input.text)) {
      const toks = tokens(sentence, lang, opts);
      sentences.push({
        text: i,
        sentence,
        lang,
        tokens: toks,
        scores: scoreTokens(book, toks, lang),
      });
    }
  });
  if (options.discover === false) return { sentences, suggestions: [] };
  const left = sentences.filter((s) => s.scores.every((x) => x === 0));
  // one language per discovery, the one most of these sentences are in (the organization's
  // on a tie): stems of two languages do not group together
  const inFr = left.filter((s) => s.lang === "fr").length;
  const poolLang: ThemeLang =
    inFr * 2 === left.length ? orgLang : inFr * 2 > left.length ? "fr" : "en";
  const pool = left.filter((s) => s.lang === poolLang);
  const found = discoverThemes(
    pool.map((s) => ({ tokens: s.tokens, text: s.sentence })),
    { maxSuggestions: options.maxSuggestions, dismissed: new Set(codebook.dismissed) },
  );
  const surface = surfaceForms(opts.cache as Map<string, string>, poolLang);
  const suggestions = found.map((s) => ({
    ...s,
    words: s.terms.map((t) =>
      t
        .split(" ")
        .map((stem) => surface.get(stem) ?? stem)
        .join(" "),
    ),
    lang: poolLang,
    texts: [...new Set(s.members.map((m) => pool[m].text))].sort((a, b) => a - b),
  }));
  return { sentences, suggestions };
}

/** For each stem, the shortest word that gave it (what a person reads and what stems back to it). */
function surfaceForms(cache: Map<string, string>, lang: ThemeLang): Map<string, string> {
  const out = new Map<string, string>();
  const prefix = `${lang}:`;
  for (const [key, stem] of cache) {
    if (!key.startsWith(prefix)) continue;
    const word = key.slice(prefix.length);
    const known = out.get(stem);
    if (
      known === undefined ||
      word.length < known.length ||
      (word.length === known.length && word < known)
    )
      out.set(stem, word);
  }
  return out;
}

/** An accepted suggestion as a codebook theme: its words as keywords of its language. */
export function suggestionTheme(s: SuggestedTheme, id: string, label: string): CodebookTheme {
  return {
    id,
    label: { fr: label, en: label },
    keywords: { fr: s.lang === "fr" ? [...s.words] : [], en: s.lang === "en" ? [...s.words] : [] },
  };
}
