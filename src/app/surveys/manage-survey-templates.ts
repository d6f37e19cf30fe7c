/**
 * The owner's questions for each survey and language; the defaults stand until changed
 * (`{org}` is the organization's name). Only owners change them.
 */
import { AppError } from "../../domain/errors.ts";
import { canEditCharter, type Role } from "../../domain/policies.ts";
import {
  checkQuestions,
  DEFAULT_QUESTIONS,
  SURVEY_KINDS,
  type SurveyKind,
  type SurveyLang,
  type SurveyQuestions,
} from "../../domain/surveys/survey-kinds.ts";
import type { Store } from "../../store/database.ts";
import { findTemplates, saveTemplate } from "../../store/survey-repository.ts";

export interface SurveyTemplate extends SurveyQuestions {
  kind: SurveyKind;
  lang: SurveyLang;
  custom: boolean;
}

export async function listSurveyTemplates(store: Store, orgId: string): Promise<SurveyTemplate[]> {
  const own = await findTemplates(store.db, orgId);
  return SURVEY_KINDS.flatMap((kind) =>
    (["fr", "en"] as const).map((lang) => {
      const q = own.get(`${kind}:${lang}`);
      return { kind, lang, ...(q ?? DEFAULT_QUESTIONS[kind][lang]), custom: q !== undefined };
    }),
  );
}

export async function saveSurveyTemplate(
  store: Store,
  orgId: string,
  actor: { userId: string; role: Role },
  kind: SurveyKind,
  lang: SurveyLang,
  q: SurveyQuestions,
): Promise<SurveyTemplate[]> {
  if (!canEditCharter(actor.role))
    throw new AppError("FORBIDDEN", `role ${actor.role} may not change the surveys`);
  const problem = checkQuestions(q)[0];
  if (problem) throw new AppError("BAD_INPUT", `${problem.field}: ${problem.reason}`);
  await saveTemplate(store.db, orgId, kind, lang, q, actor.userId);
  return listSurveyTemplates(store, orgId);
}
