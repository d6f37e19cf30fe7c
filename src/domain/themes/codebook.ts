/**
 * A codebook: the themes an organization recognises, each with French and English keywords
 * (words or short phrases, written as people write them; they go through the same analysis as
 * the feedback, so "délais" also finds "délai" and "delai"). Matching counts keyword hits per
 * sentence: phrases first (their words are then used up), then single words, negation ignored
 * ("pas cher" is about price as much as "trop cher").
 */
import { bare, type ThemeLang, type TokenOptions, tokens } from "./analyse-text.ts";

export const THEME_LANGS = ["fr", "en"] as const satisfies readonly ThemeLang[];

export interface CodebookTheme {
  /** Stable, lower-case letters, digits, "_" or "-": what `comptoir themes --json` prints. */
  id: string;
  label: Record<ThemeLang, string>;
  keywords: Record<ThemeLang, string[]>;
}

export interface Codebook {
  themes: CodebookTheme[];
  /** Suggestions the owner dismissed (their ids), not suggested again. */
  dismissed: string[];
}

export const CODEBOOK_LIMITS = { themes: 40, keywords: 200, keyword: 60, label: 80 } as const;
export const THEME_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;

interface CompiledTheme {
  singles: Record<ThemeLang, ReadonlySet<string>>;
  phrases: Record<ThemeLang, readonly string[][]>;
}

export interface CompiledCodebook {
  themes: readonly CodebookTheme[];
  compiled: readonly CompiledTheme[];
}

/** Turns each keyword into stems (phrases into stem sequences), once per codebook. */
export function compileCodebook(codebook: Codebook, options: TokenOptions): CompiledCodebook {
  const compiled = codebook.themes.map((theme) => {
    const singles = { fr: new Set<string>(), en: new Set<string>() };
    const phrases: Record<ThemeLang, string[][]> = { fr: [], en: [] };
    for (const lang of THEME_LANGS) {
      for (const keyword of theme.keywords[lang] ?? []) {
        const stems = tokens(keyword, lang, options).map(bare);
        if (stems.length === 1) singles[lang].add(stems[0]);
        else if (stems.length > 1) phrases[lang].push(stems);
      }
      // longest phrases first: "service après-vente" before "après-vente"
      phrases[lang].sort((a, b) => b.length - a.length);
    }
    return { singles, phrases };
  });
  return { themes: codebook.themes, compiled };
}

/**
 * The score of each theme (codebook order) for one sentence's tokens: keyword hits, a phrase
 * counting as many hits as it has words.
 */
export function scoreTokens(book: CompiledCodebook, sentence: string[], lang: ThemeLang): number[] {
  const words = sentence.map(bare);
  const used = new Uint8Array(words.length);
  const scores = book.compiled.map(() => 0);
  // phrases of every theme first, so that their words are not counted again as single words
  book.compiled.forEach((theme, t) => {
    for (const phrase of theme.phrases[lang]) {
      for (let i = 0; i + phrase.length <= words.length; i++) {
        let match = true;
        for (let j = 0; j < phrase.length && match; j++)
          match = !used[i + j] && words[i + j] === phrase[j];
        if (!match) continue;
        for (let j = 0; j < phrase.length; j++) used[i + j] = 1;
        scores[t] += phrase.length;
      }
    }
  });
  book.compiled.forEach((theme, t) => {
    for (let i = 0; i < words.length; i++)
      if (!used[i] && theme.singles[lang].has(words[i])) scores[t] += 1;
  });
  return scores;
}

/**
 * The theme that scores highest (ties in codebook order), or -1 when none scores.
 * @example bestTheme([0, 2, 2]) // 1
 */
export function bestTheme(scores: readonly number[]): number {
  let best = -1;
  for (let t = 0; t < scores.length; t++)
    if (scores[t] > 0 && (best < 0 || scores[t] > scores[best])) best = t;
  return best;
}
