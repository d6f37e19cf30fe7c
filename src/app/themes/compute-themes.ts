/**
 * The themes report of an organization as of a date (spec section 5 `comptoir themes`, and the
 * themes page): its feedback texts grouped by its codebook, each theme with its feedback,
 * trend, detractors, sources and quotes, and the suggestions discovery makes among the
 * sentences no theme takes.
 */
import { AppError } from "../../domain/errors.ts";
import type { FeedbackFact } from "../../domain/facts.ts";
import { canSeeThemes, type Role } from "../../domain/policies.ts";
import type { ThemeLang } from "../../domain/themes/analyse-text.ts";
import type { Codebook } from "../../domain/themes/codebook.ts";
import { type ThemeSummary, themeReport } from "../../domain/themes/theme-report.ts";
import type { Store } from "../../store/database.ts";
import { lastFactSeq } from "../../store/fact-repository.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { getCodebook, listFeedback } from "../../store/theme-repository.ts";
import { groupTexts, type SuggestedTheme } from "./engine/group-texts.ts";

export interface ThemeSuggestionView {
  id: string;
  /** Its top terms, as people wrote them. */
  keywords: string[];
  count: number;
  examples: string[];
}

export interface ThemesView {
  asOf: string;
  themes: ThemeSummary[];
  suggestions: ThemeSuggestionView[];
  /** Feedback with a text, and those no theme takes. */
  totals: { feedback: number; withText: number; unthemed: number };
  codebook: Codebook;
  codebookEdited: boolean;
}

export interface ThemesQuery {
  asOf: number;
  lang: ThemeLang;
  /** The acting member's role; the command line (the owner's own machine) passes none. */
  role?: Role;
}

const orgLangOf = (org: Organization): ThemeLang => (org.lang === "en" ? "en" : "fr");

export interface ThemesRun {
  view: ThemesView;
  suggestions: SuggestedTheme[];
}

/**
 * The last reports per store, keyed by what they depend on: the organization's latest fact,
 * its codebook, the as-of instant (the end of today by default) and the
 * language. Grouping 10,000 texts takes a few seconds: the page, then an accept or a dismiss,
 * would each pay it again.
 */
const kept = new WeakMap<Store, Map<string, Promise<ThemesRun>>>();
const KEPT_PER_STORE = 8;

export async function computeThemes(
  store: Store,
  org: Organization,
  query: ThemesQuery,
): Promise<ThemesRun> {
  if (query.role && !canSeeThemes(query.role))
    throw new AppError("FORBIDDEN", `role ${query.role} may not see the themes report`);
  const stored = await getCodebook(store, org.id);
  const key = [
    org.id,
    await lastFactSeq(store, org.id),
    JSON.stringify(stored.codebook),
    query.asOf,
    query.lang,
  ].join("|");
  const runs = kept.get(store) ?? new Map<string, Promise<ThemesRun>>();
  kept.set(store, runs);
  const hit = runs.get(key);
  if (hit) return hit;
  const run = groupReport(store, org, query, stored);
  runs.set(key, run);
  run.catch(() => runs.delete(key));
  while (runs.size > KEPT_PER_STORE) runs.delete(runs.keys().next().value as string);
  return run;
}

async function groupReport(
  store: Store,
  org: Organization,
  query: ThemesQuery,
  { codebook, edited }: Awaited<ReturnType<typeof getCodebook>>,
): Promise<ThemesRun> {
  const all = await listFeedback(store, org.id, query.asOf);
  const withText = all.filter(
    (f): f is FeedbackFact & { text: string } => (f.text ?? "").trim() !== "",
  );
  const grouping = groupTexts(
    withText.map((f) => ({ text: f.text, lang: f.lang })),
    orgLangOf(org),
    codebook,
  );
  const themes = themeReport(
    withText,
    grouping.sentences.map((s) => ({ feedback: s.text, text: s.sentence, scores: s.scores })),
    codebook.themes,
    query.lang,
    query.asOf,
  );
  const themed = new Set(themes.flatMap((t) => t.feedback));
  return {
    suggestions: grouping.suggestions,
    view: {
      asOf: new Date(query.asOf).toISOString(),
      themes,
      suggestions: grouping.suggestions.map((s) => ({
        id: s.id,
        keywords: s.words,
        count: s.texts.length,
        examples: s.examples,
      })),
      totals: {
        feedback: all.length,
        withText: withText.length,
        unthemed: withText.length - themed.size,
      },
      codebook,
      codebookEdited: edited,
    },
  };
}

/** Spec section 5's JSON: `{themes: [{id, label, keywords, feedback, trend}]}`. */
export function themesJson(view: ThemesView) {
  return {
    themes: view.themes.map((t) => ({
      id: t.id,
      label: t.label,
      keywords: t.keywords,
      feedback: t.feedback,
      trend: t.trend,
    })),
  };
}
