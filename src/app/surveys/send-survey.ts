/**
 * Sends one survey by e-mail through the outbox: checks the person may be asked (an address,
 * no opt-out, the relationship not ended, no survey to that address in the last 90 days),
 * records the survey with its link's hash, and queues the mail (deduplicated by the survey's
 * id) in the same transaction. The mail carries the 0-to-10 scale as links that open the page
 * with a score preselected (opening them records nothing) and the opt-out link.
 */
import { AppError } from "../../domain/errors.ts";
import type { CustomerFact } from "../../domain/facts.ts";
import { relationshipStatus } from "../../domain/relationship.ts";
import type { SurveyKind, SurveyLang } from "../../domain/surveys/survey-kinds.ts";
import {
  DEFAULT_SURVEY_POLICY,
  personOf,
  type SurveyPolicy,
  type SurveyRefusal,
  surveyRefusal,
} from "../../domain/surveys/survey-rules.ts";
import { findCustomer } from "../../store/customer-records.ts";
import type { Store } from "../../store/database.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { enqueueMail } from "../../store/outbox-repository.ts";
import { listDecisions } from "../../store/relationship-repository.ts";
import {
  insertInvitation,
  lastSentToPerson,
  type SurveyInvitation,
} from "../../store/survey-repository.ts";
import { newId } from "../intake/intake-support.ts";
import { renderSurveyMail } from "./survey-mail.ts";
import { hashSurveyToken, newSurveySecret, surveyPath, surveyQuestions } from "./survey-support.ts";

const DAY = 86_400_000;

export interface SendSurveyInput {
  kind: SurveyKind;
  customer: string;
  order?: string;
  trigger: SurveyInvitation["trigger"];
  /** Who sent it by hand (null for the automatic ones). */
  by: string | null;
}

export type SendSurveyResult =
  | { sent: true; invitation: SurveyInvitation; link: string }
  | { sent: false; reason: SurveyRefusal | "no_customer" };

const REFUSED: Record<SurveyRefusal | "no_customer", string> = {
  no_customer: "customer: no such customer",
  no_email: "customer: has no e-mail address",
  opted_out: "customer: asked not to receive surveys",
  relationship_ended: "customer: the relationship was ended",
  too_soon: "customer: a survey already went to this address less than 90 days ago",
};

export async function sendSurvey(
  store: Store,
  org: Organization,
  input: SendSurveyInput,
  publicUrl: string,
  now = Date.now(),
  policy: SurveyPolicy = DEFAULT_SURVEY_POLICY,
): Promise<SendSurveyResult> {
  return store.db.transaction().execute(async (trx) => {
    const tx: Store = { ...store, db: trx };
    const customer = (await findCustomer(tx, org.id, input.customer)) as CustomerFact | undefined;
    if (!customer) return { sent: false, reason: "no_customer" };
    const email = personOf(customer.email);
    const reason = surveyRefusal({
      customer,
      relationshipEnded:
        relationshipStatus(await listDecisions(trx, org.id, customer.id)).status === "ended",
      lastSentToPerson: email ? await lastSentToPerson(trx, org.id, email) : undefined,
      now,
      policy,
    });
    if (reason || !email) return { sent: false, reason: reason ?? "no_email" };
    const lang: SurveyLang =
      customer.lang === "en" || (customer.lang === undefined && org.lang === "en") ? "en" : "fr";
    const secret = newSurveySecret();
    const invitation: SurveyInvitation = {
      id: newId("sv"),
      orgId: org.id,
      kind: input.kind,
      customer: customer.id,
      order: input.order ?? null,
      email,
      lang,
      trigger: input.trigger,
      sentAt: now,
      expiresAt: now + policy.linkDays * DAY,
      answeredAt: null,
      feedbackId: null,
    };
    await insertInvitation(trx, invitation, hashSurveyToken(secret), input.by);
    const link = `${publicUrl.replace(/\/$/, "")}${surveyPath(org.slug, secret)}`;
    const questions = await surveyQuestions(tx, org.id, org.name, input.kind, lang);
    const mail = renderSurveyMail({
      orgName: org.name,
      lang,
      questions,
      link,
      linkDays: policy.linkDays,
    });
    await enqueueMail(tx, {
      orgId: org.id,
      to: email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      dedupKey: `survey:${invitation.id}`,
    });
    return { sent: true, invitation, link };
  });
}

/** sendSurvey by hand: a refusal is an error naming why. */
export async function sendSurveyByHand(
  store: Store,
  org: Organization,
  input: Omit<SendSurveyInput, "trigger">,
  publicUrl: string,
  now = Date.now(),
): Promise<SurveyInvitation> {
  const result = await sendSurvey(store, org, { ...input, trigger: "manual" }, publicUrl, now);
  if (result.sent) return result.invitation;
  if (result.reason === "no_customer")
    throw new AppError("CUSTOMER_NOT_FOUND", `customer: no customer "${input.customer}"`);
  throw new AppError("SURVEY_REFUSED", REFUSED[result.reason]);
}
