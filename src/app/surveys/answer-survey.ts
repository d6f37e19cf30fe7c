/**
 * The person's side of a survey link: open it (the questions, the answer already given), then
 * answer with a POST only. The answer is the spec's `feedback` fact (source customer, prospect
 * or churned by the survey's kind); changing it within 7 days appends a correction of it. A
 * link that is unknown, or shown under another organization, is SURVEY_LINK_INVALID; expired
 * (30 days unanswered) or past its edit window, SURVEY_LINK_EXPIRED. Bots are refused without
 * a captcha: a field people never see must stay empty, and the form must have been on screen
 * for 2 seconds (the page's signed stamp).
 */
import { AppError } from "../../domain/errors.ts";
import type { FeedbackFact } from "../../domain/facts.ts";
import { SURVEY_SOURCE, type SurveyQuestions } from "../../domain/surveys/survey-kinds.ts";
import { DEFAULT_SURVEY_POLICY } from "../../domain/surveys/survey-rules.ts";
import type { Store } from "../../store/database.ts";
import { findFact, insertFact } from "../../store/fact-repository.ts";
import { findOrganization, type Organization } from "../../store/organization-repository.ts";
import {
  findInvitationByHash,
  markAnswered,
  type SurveyInvitation,
} from "../../store/survey-repository.ts";
import { hashSurveyToken, readStamp, stampPage, surveyQuestions } from "./survey-support.ts";

const DAY = 86_400_000;
export const MIN_FILL_MS = 2_000;

export interface SurveyAnswer {
  score: number;
  text: string;
  extra: string[];
}

export interface SurveyPage {
  org: Pick<Organization, "name" | "slug">;
  invitation: SurveyInvitation;
  questions: SurveyQuestions;
  /** The answer already given (it may be changed until `editableUntil`). */
  answer: SurveyAnswer | null;
  editableUntil: number | null;
  /** The signed instant the page is shown at, sent back with the form. */
  stamp: string;
}

/** Thrown for a form refused as a bot's: the page shows it again, with what was typed. */
export class SurveyRefusedError extends AppError {
  constructor(field: "website" | "stamp") {
    super("BAD_INPUT", `${field}: the form was sent too fast or filled by a program`);
  }
}

async function resolve(store: Store, orgSlug: string, secret: string, now: number) {
  const tokenHash = hashSurveyToken(secret);
  const invitation = await findInvitationByHash(store.db, tokenHash);
  const org = await findOrganization(store, orgSlug);
  // Another organization's link under this one's address is unknown here.
  if (!invitation || !org || invitation.orgId !== org.id)
    throw new AppError("SURVEY_LINK_INVALID", "token: this survey link does not exist");
  if (invitation.answeredAt === null && invitation.expiresAt < now)
    throw new AppError("SURVEY_LINK_EXPIRED", "token: this survey link has expired");
  const editableUntil =
    invitation.answeredAt === null
      ? null
      : invitation.answeredAt + DEFAULT_SURVEY_POLICY.editDays * DAY;
  if (editableUntil !== null && editableUntil < now)
    throw new AppError("SURVEY_LINK_EXPIRED", "token: the answer can no longer be changed");
  return { tokenHash, invitation, org, editableUntil };
}

async function currentAnswer(
  store: Store,
  invitation: SurveyInvitation,
): Promise<SurveyAnswer | null> {
  if (!invitation.feedbackId) return null;
  // The latest correction, if the answer was changed.
  const latestId =
    (invitation.feedbackId && (await latestCorrection(store, invitation))) ?? invitation.feedbackId;
  const fact = (await findFact(store, invitation.orgId, "feedback", latestId)) as
    | FeedbackFact
    | undefined;
  if (!fact) return null;
  const extra = Array.isArray(fact.extra?.answers) ? (fact.extra.answers as string[]) : [];
  return { score: fact.score ?? 0, text: fact.text ?? "", extra };
}

/** Corrections are `<id>~edit-<n>`: the highest n is the latest. */
async function latestCorrection(store: Store, inv: SurveyInvitation): Promise<string | undefined> {
  let latest: string | undefined;
  for (let n = 1; n < 1000; n++) {
    const id = `${inv.feedbackId}~edit-${n}`;
    if (!(await findFact(store, inv.orgId, "feedback", id))) break;
    latest = id;
  }
  return latest;
}

export async function openSurvey(
  store: Store,
  orgSlug: string,
  secret: string,
  now = Date.now(),
): Promise<SurveyPage> {
  const { tokenHash, invitation, org, editableUntil } = await resolve(store, orgSlug, secret, now);
  return {
    org: { name: org.name, slug: org.slug },
    invitation,
    questions: await surveyQuestions(store, org.id, org.name, invitation.kind, invitation.lang),
    answer: await currentAnswer(store, invitation),
    editableUntil,
    stamp: stampPage(tokenHash, now),
  };
}

export async function answerSurvey(
  store: Store,
  orgSlug: string,
  secret: string,
  form: SurveyAnswer & { website?: string; stamp?: string },
  now = Date.now(),
): Promise<FeedbackFact> {
  const { tokenHash, invitation } = await resolve(store, orgSlug, secret, now);
  if (form.website) throw new SurveyRefusedError("website");
  const shownAt = readStamp(tokenHash, form.stamp);
  if (shownAt === undefined || now - shownAt < MIN_FILL_MS || shownAt > now)
    throw new SurveyRefusedError("stamp");
  if (!Number.isInteger(form.score) || form.score < 0 || form.score > 10)
    throw new AppError("BAD_INPUT", "score: choose a score from 0 to 10");
  const questions = await surveyQuestions(
    store,
    invitation.orgId,
    "",
    invitation.kind,
    invitation.lang,
  );
  const extra = questions.extra.map((_, i) => form.extra[i]?.trim() ?? "");
  return store.db.transaction().execute(async (trx) => {
    const tx: Store = { ...store, db: trx };
    const base: FeedbackFact = {
      type: "feedback",
      id: `fb-${invitation.id}`,
      at: now,
      source: SURVEY_SOURCE[invitation.kind],
      customer: invitation.customer,
      score: form.score,
      lang: invitation.lang,
      extra: {
        survey: invitation.kind,
        survey_id: invitation.id,
        ...(invitation.order ? { order: invitation.order } : {}),
        ...(extra.some(Boolean) ? { answers: extra } : {}),
      },
    };
    const text = form.text.trim();
    if (text) base.text = text;
    if (invitation.answeredAt === null) {
      if (!(await markAnswered(trx, invitation.orgId, invitation.id, now, base.id)))
        throw new AppError("SURVEY_LINK_EXPIRED", "token: this survey was just answered");
      await insertFact(tx, invitation.orgId, base);
      return base;
    }
    // A change: a correction of the first answer, dated as it (the ledger stays append-only).
    const first = (await findFact(tx, invitation.orgId, "feedback", base.id)) as FeedbackFact;
    const n = ((await latestCorrection(tx, invitation))?.split("~edit-")[1] ?? "0") as string;
    const correction: FeedbackFact = {
      ...base,
      id: `${base.id}~edit-${Number(n) + 1}`,
      at: first.at,
      extra: { ...base.extra, corrects: base.id, changed_at: new Date(now).toISOString() },
    };
    await insertFact(tx, invitation.orgId, correction);
    return correction;
  });
}
