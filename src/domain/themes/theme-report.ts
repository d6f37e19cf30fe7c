/**
 * From analysed sentences to the themes report: which feedback belongs to which theme (a
 * feedback belongs to every theme one of its sentences scores for, or to none), and per theme
 * its count, trend by month, share of detractors, sources and example quotes.
 */
import type { FEEDBACK_SOURCES } from "../facts.ts";
import type { ThemeLang } from "./analyse-text.ts";
import type { CodebookTheme } from "./codebook.ts";

export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

export interface ThemedFeedback {
  id: string;
  at: number;
  source: FeedbackSource;
  score?: number;
  customer?: string;
}

export interface ThemedSentence {
  /** Index of its feedback. */
  feedback: number;
  text: string;
  /** Score per codebook theme (codebook order). */
  scores: readonly number[];
}

export interface ThemeSummary {
  id: string;
  label: string;
  keywords: string[];
  /** Feedback ids, sorted. */
  feedback: string[];
  /** Month "YYYY-MM" (UTC) and how many feedback of the theme, from its first month to the as-of month. */
  trend: { month: string; count: number }[];
  count: number;
  /** Share (0 to 1) of the theme's scored feedback whose score is 0 to 6; null when none has a score. */
  detractorShare: number | null;
  sources: Record<FeedbackSource, number>;
  /** Up to three sentences, the most recent feedback first. */
  quotes: { feedback: string; text: string; at: number }[];
}

export const QUOTES_PER_THEME = 3;

const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);

/** Every month from `first` to `last` ("2026-01" → "2026-03": three months). */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split("-").map(Number);
  const [ly, lm] = last.split("-").map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/**
 * The themes with at least one feedback, the most frequent first (ties in codebook order).
 * @example themeReport(feedback, sentences, DEFAULT_CODEBOOK.themes, "fr", asOf)[0].id // "price"
 */
export function themeReport(
  feedback: readonly ThemedFeedback[],
  sentences: readonly ThemedSentence[],
  themes: readonly CodebookTheme[],
  lang: ThemeLang,
  asOf: number,
): ThemeSummary[] {
  const members = themes.map(() => new Map<number, string>());
  for (const s of sentences)
    s.scores.forEach((score, t) => {
      if (score > 0 && !members[t].has(s.feedback)) members[t].set(s.feedback, s.text);
    });
  const asOfMonth = monthOf(asOf);
  const out = themes.map((theme, t): ThemeSummary => {
    const items = [...members[t].keys()].map((i) => feedback[i]);
    const byMonth = new Map<string, number>();
    for (const f of items) byMonth.set(monthOf(f.at), (byMonth.get(monthOf(f.at)) ?? 0) + 1);
    const first = [...byMonth.keys()].sort()[0];
    const scored = items.filter((f) => f.score !== undefined);
    const sources: Record<FeedbackSource, number> = { customer: 0, prospect: 0, churned: 0 };
    for (const f of items) sources[f.source] += 1;
    const quotes = [...members[t]]
      .map(([i, text]) => ({ feedback: feedback[i].id, text, at: feedback[i].at }))
      .sort((a, b) => b.at - a.at || (a.feedback < b.feedback ? -1 : 1))
      .slice(0, QUOTES_PER_THEME);
    return {
      id: theme.id,
      label: theme.label[lang],
      keywords: [...theme.keywords[lang]],
      feedback: items.map((f) => f.id).sort(),
      trend: first
        ? monthsBetween(first, [first, asOfMonth].sort()[1]).map((month) => ({
            month,
            count: byMonth.get(month) ?? 0,
          }))
        : [],
      count: items.length,
      detractorShare:
        scored.length === 0
          ? null
          : scored.filter((f) => (f.score as number) <= 6).length / scored.length,
      sources,
      quotes,
    };
  });
  return out
    .map((summary, order) => ({ summary, order }))
    .filter(({ summary }) => summary.count > 0)
    .sort((a, b) => b.summary.count - a.summary.count || a.order - b.order)
    .map(({ summary }) => summary);
}
