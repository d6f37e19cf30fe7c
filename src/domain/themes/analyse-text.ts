/**
 * From a feedback text to the tokens themes are found in: sentences, words, French elisions,
 * accents, stems, stopwords and negation. Pure: the stemmer is passed in (the app layer wraps
 * Snowball), so that every rule here is testable with plain data.
 */
import { NEGATIONS, STOPWORDS } from "./stoplist.ts";

export type ThemeLang = "fr" | "en";
/** A stemmer for one language: lower-case word in, stem out (accents may remain). */
export type Stemmer = (word: string, lang: ThemeLang) => string;

/** Marks a token as negated: "pas cher" gives "pas", "NOT_cher". */
export const NOT = "NOT_";

/**
 * Splits a text into sentences at . ! ? … ; and line breaks (a decimal point "12.50" or an
 * ellipsis inside a word does not split).
 * @example splitSentences("Trop cher. Mais bien fait !") // ["Trop cher.", "Mais bien fait !"]
 */
export function splitSentences(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/(?<=[.!?…;])(?![.!?…;\d])\s*|\n+/u)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** Lower case, accents removed: "Délai" and "delai" are one word. */
export function foldAccents(word: string): string {
  return word
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/** Counts the words of a text (what decides whether the language detector is asked). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** French elided articles and pronouns: l'accueil → accueil, qu'on → on, jusqu'au → au. */
const FR_ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'(?=[\p{L}])/u;
const PUNCTUATION = /^[.,;:!?()…"«»]$/u;

/**
 * The words and punctuation of a sentence, lower case, apostrophes unified, elisions cut,
 * English "n't" turned into "not". Hyphenated words are split ("après-vente" → après, vente).
 */
export function rawWords(sentence: string, lang: ThemeLang): string[] {
  const text = sentence
    .normalize("NFC")
    .toLowerCase()
    .replace(/[’‘`´ʼ]/g, "'");
  const out: string[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*'?|[.,;:!?()…"«»]/gu)) {
    let w = m[0];
    if (lang === "fr") {
      // "n'est", "qu'il", "l'accueil": the elided word is dropped, "n'" alone marks nothing
      while (FR_ELISION.test(w)) w = w.replace(FR_ELISION, "");
      for (const part of w.split("'")) if (part) out.push(part);
      continue;
    }
    if (/n't$/.test(w)) {
      const base = w.slice(0, -3);
      out.push(base === "ca" ? "can" : base === "wo" ? "will" : base, "not");
      continue;
    }
    // "it's", "customer's": the clitic is dropped
    out.push(w.split("'")[0]);
  }
  return out;
}

export interface TokenOptions {
  stem: Stemmer;
  /** Keep a cache of stems across calls (speed: the same words come back all the time). */
  cache?: Map<string, string>;
}

/**
 * The stem of a word, accents folded BEFORE stemming: "délai" and "delai" (typed on a phone
 * without accents) always give the same stem, at the price of a few suffixes Snowball only
 * knows accented ("rapidité" stems to "rapidit", not "rapid").
 */
export function stemKey(word: string, lang: ThemeLang, options: TokenOptions): string {
  const key = `${lang}:${word}`;
  const hit = options.cache?.get(key);
  if (hit !== undefined) return hit;
  const stem = options.stem(foldAccents(word), lang);
  options.cache?.set(key, stem);
  return stem;
}

/**
 * The tokens of one sentence: stems of the words that are not stopwords, each word after a
 * negation prefixed NOT_ up to the next punctuation. Negation words themselves are kept.
 * @example tokens("Ce n'est pas cher, et rapide", "fr", o) // ["pas", "NOT_cher", "rapid"]
 */
export function tokens(sentence: string, lang: ThemeLang, options: TokenOptions): string[] {
  const stop = STOPWORDS[lang];
  const negations = NEGATIONS[lang];
  const out: string[] = [];
  let negated = false;
  for (const word of rawWords(sentence, lang)) {
    if (PUNCTUATION.test(word)) {
      negated = false;
      continue;
    }
    const folded = foldAccents(word);
    if (negations.has(folded)) {
      out.push(folded);
      negated = true;
      continue;
    }
    if (stop.has(folded) || /^\d+$/.test(folded) || folded.length < 2) continue;
    const stem = stemKey(word, lang, options);
    out.push(negated ? NOT + stem : stem);
  }
  return out;
}

/** A token without its negation mark: a theme is about "cher" whether it is "pas cher" or not. */
export const bare = (token: string): string =>
  token.startsWith(NOT) ? token.slice(NOT.length) : token;
