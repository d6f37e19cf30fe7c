/**
 * What the survey use cases share: the questions of a kind in a language (the owner's, else
 * the defaults), the link's secret and its hash, and the signed instant a page was shown at
 * (the 2-second minimum fill time, without a script and without a session).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import {
  DEFAULT_QUESTIONS,
  fillQuestions,
  type SurveyKind,
  type SurveyLang,
  type SurveyQuestions,
} from "../../domain/surveys/survey-kinds.ts";
import type { Store } from "../../store/database.ts";
import { findTemplates } from "../../store/survey-repository.ts";

export const hashSurveyToken = (secret: string) =>
  createHash("sha256").update(secret).digest("hex");

/** 32 random bytes: unguessable, and only its hash is stored. */
export const newSurveySecret = () => randomBytes(32).toString("base64url");

export const surveyPath = (orgSlug: string, secret: string) =>
  `/survey/${encodeURIComponent(orgSlug)}/${secret}`;

export async function surveyQuestions(
  store: Store,
  orgId: string,
  orgName: string,
  kind: SurveyKind,
  lang: SurveyLang,
): Promise<SurveyQuestions> {
  const own = (await findTemplates(store.db, orgId)).get(`${kind}:${lang}`);
  return fillQuestions(own ?? DEFAULT_QUESTIONS[kind][lang], orgName);
}

/**
 * `<ms>.<mac>`: when the page was shown, signed with the link's hash (which never leaves the
 * server), so that a bot cannot claim it loaded the page earlier than it did.
 */
export function stampPage(tokenHash: string, at: number): string {
  const mac = createHmac("sha256", tokenHash).update(String(at)).digest("base64url");
  return `${at}.${mac}`;
}

/** The instant a stamp names, or undefined when it was not made by stampPage for this link. */
export function readStamp(tokenHash: string, stamp: string | undefined): number | undefined {
  const [at, mac] = (stamp ?? "").split(".");
  if (!at || !mac || !/^\d+$/.test(at)) return undefined;
  const expected = Buffer.from(stampPage(tokenHash, Number(at)).split(".")[1] ?? "");
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? Number(at)
    : undefined;
}
