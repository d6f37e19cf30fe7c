/**
 * The three surveys (issue 17): after delivery, to lost prospects, to former customers. Each
 * has the 0-to-10 recommend question, one open question and up to three optional extra
 * questions, in French and English; the owner may rewrite them. Pure.
 */
import type { FeedbackFact } from "../facts.ts";

export const SURVEY_KINDS = ["after_delivery", "lost_prospect", "former_customer"] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];
export type SurveyLang = "fr" | "en";

export interface SurveyQuestions {
  recommend: string;
  open: string;
  /** At most three. */
  extra: string[];
}

export const MAX_EXTRA_QUESTIONS = 3;

/** The feedback fact's `source` for each kind (spec section 1). */
export const SURVEY_SOURCE: Record<SurveyKind, FeedbackFact["source"]> = {
  after_delivery: "customer",
  lost_prospect: "prospect",
  former_customer: "churned",
};

/** The defaults, `{org}` standing for the organization's name. */
export const DEFAULT_QUESTIONS: Record<SurveyKind, Record<SurveyLang, SurveyQuestions>> = {
  after_delivery: {
    fr: {
      recommend: "Recommanderiez-vous {org} à un proche ?",
      open: "Comment cela s'est-il passé ?",
      extra: [],
    },
    en: {
      recommend: "Would you recommend {org} to a friend?",
      open: "How did it go?",
      extra: [],
    },
  },
  lost_prospect: {
    fr: {
      recommend: "Recommanderiez-vous {org} à un proche ?",
      open: "Qu'est-ce qui vous a fait choisir autrement ?",
      extra: [],
    },
    en: {
      recommend: "Would you recommend {org} to a friend?",
      open: "What made you choose otherwise?",
      extra: [],
    },
  },
  former_customer: {
    fr: {
      recommend: "Recommanderiez-vous {org} à un proche ?",
      open: "Pourquoi avez-vous cessé de venir ?",
      extra: [],
    },
    en: {
      recommend: "Would you recommend {org} to a friend?",
      open: "Why did you stop coming?",
      extra: [],
    },
  },
};

/** The questions with the organization's name in place of `{org}`. */
export function fillQuestions(q: SurveyQuestions, orgName: string): SurveyQuestions {
  const fill = (s: string) => s.replaceAll("{org}", orgName);
  return { recommend: fill(q.recommend), open: fill(q.open), extra: q.extra.map(fill) };
}

/** Problems with an owner's questions, field by field (empty when fine). */
export function checkQuestions(q: SurveyQuestions): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  if (!q.recommend.trim()) problems.push({ field: "recommend", reason: "must not be empty" });
  if (!q.open.trim()) problems.push({ field: "open", reason: "must not be empty" });
  if (q.extra.length > MAX_EXTRA_QUESTIONS)
    problems.push({ field: "extra", reason: `at most ${MAX_EXTRA_QUESTIONS} questions` });
  q.extra.forEach((e, i) => {
    if (!e.trim()) problems.push({ field: `extra.${i}`, reason: "must not be empty" });
  });
  return problems;
}
