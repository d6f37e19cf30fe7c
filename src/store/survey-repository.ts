/**
 * Surveys (migration 2026-12-07T14-00-surveys): the owner's questions, the surveys sent and
 * the daily job's claims. Every query takes the organization's id, except the look-up of a
 * link by its hash (the secret is what names it; the caller checks its organization).
 */
import type { Kysely } from "kysely";
import type { SurveyKind, SurveyLang, SurveyQuestions } from "../domain/surveys/survey-kinds.ts";
import type { Database } from "./schema.ts";

export interface SurveyTemplateTable {
  org_id: string;
  kind: string;
  lang: string;
  recommend: string;
  open: string;
  extra: string;
  updated_by: string;
  updated_at: string;
}

export interface SurveyInvitationTable {
  id: string;
  org_id: string;
  kind: string;
  customer: string;
  order_id: string | null;
  email: string;
  lang: string;
  trigger: string;
  token_hash: string;
  sent_at: string;
  expires_at: string;
  answered_at: string | null;
  feedback_id: string | null;
  created_by: string | null;
}

export interface SurveyRunTable {
  org_id: string;
  day: string;
  claimed_at: string;
  finished_at: string | null;
  sent: number | null;
}

type Tables = {
  survey_templates: SurveyTemplateTable;
  survey_invitations: SurveyInvitationTable;
  survey_runs: SurveyRunTable;
};
export type SurveyDb = Kysely<Database & Tables>;
export const surveyDb = (db: Kysely<Database>): SurveyDb => db.withTables<Tables>();

export interface SurveyInvitation {
  id: string;
  orgId: string;
  kind: SurveyKind;
  customer: string;
  order: string | null;
  email: string;
  lang: SurveyLang;
  trigger: "delivery" | "daily" | "manual";
  sentAt: number;
  expiresAt: number;
  answeredAt: number | null;
  feedbackId: string | null;
}

const ms = (s: string | null) => (s === null ? null : Date.parse(s));

function fromRow(r: SurveyInvitationTable): SurveyInvitation {
  return {
    id: r.id,
    orgId: r.org_id,
    kind: r.kind as SurveyKind,
    customer: r.customer,
    order: r.order_id,
    email: r.email,
    lang: r.lang === "en" ? "en" : "fr",
    trigger: r.trigger as SurveyInvitation["trigger"],
    sentAt: Date.parse(r.sent_at),
    expiresAt: Date.parse(r.expires_at),
    answeredAt: ms(r.answered_at),
    feedbackId: r.feedback_id,
  };
}

export async function findTemplates(
  db: Kysely<Database>,
  orgId: string,
): Promise<Map<string, SurveyQuestions>> {
  const rows = await surveyDb(db)
    .selectFrom("survey_templates")
    .selectAll()
    .where("org_id", "=", orgId)
    .execute();
  return new Map(
    rows.map((r) => [
      `${r.kind}:${r.lang}`,
      { recommend: r.recommend, open: r.open, extra: JSON.parse(r.extra) as string[] },
    ]),
  );
}

export async function saveTemplate(
  db: Kysely<Database>,
  orgId: string,
  kind: SurveyKind,
  lang: SurveyLang,
  q: SurveyQuestions,
  by: string,
): Promise<void> {
  const values = {
    recommend: q.recommend,
    open: q.open,
    extra: JSON.stringify(q.extra),
    updated_by: by,
    updated_at: new Date().toISOString(),
  };
  await surveyDb(db)
    .insertInto("survey_templates")
    .values({ org_id: orgId, kind, lang, ...values })
    .onConflict((oc) => oc.columns(["org_id", "kind", "lang"]).doUpdateSet(values))
    .execute();
}

export async function insertInvitation(
  db: Kysely<Database>,
  inv: SurveyInvitation,
  tokenHash: string,
  createdBy: string | null,
): Promise<void> {
  await surveyDb(db)
    .insertInto("survey_invitations")
    .values({
      id: inv.id,
      org_id: inv.orgId,
      kind: inv.kind,
      customer: inv.customer,
      order_id: inv.order,
      email: inv.email,
      lang: inv.lang,
      trigger: inv.trigger,
      token_hash: tokenHash,
      sent_at: new Date(inv.sentAt).toISOString(),
      expires_at: new Date(inv.expiresAt).toISOString(),
      answered_at: null,
      feedback_id: null,
      created_by: createdBy,
    })
    .execute();
}

export async function findInvitationByHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<SurveyInvitation | undefined> {
  const row = await surveyDb(db)
    .selectFrom("survey_invitations")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  return row && fromRow(row);
}

/** The latest survey sent to this address in the organization (epoch ms), if any. */
export async function lastSentToPerson(
  db: Kysely<Database>,
  orgId: string,
  email: string,
): Promise<number | undefined> {
  const row = await surveyDb(db)
    .selectFrom("survey_invitations")
    .select("sent_at")
    .where("org_id", "=", orgId)
    .where("email", "=", email)
    .orderBy("sent_at", "desc")
    .executeTakeFirst();
  return row ? Date.parse(row.sent_at) : undefined;
}

/** Every survey sent in the organization, oldest first (for the daily job and the page). */
export async function listInvitations(
  db: Kysely<Database>,
  orgId: string,
  customer?: string,
): Promise<SurveyInvitation[]> {
  let q = surveyDb(db).selectFrom("survey_invitations").selectAll().where("org_id", "=", orgId);
  if (customer !== undefined) q = q.where("customer", "=", customer);
  return (await q.orderBy("sent_at").execute()).map(fromRow);
}

/** Records the first answer; false when it was already answered (two submissions racing). */
export async function markAnswered(
  db: Kysely<Database>,
  orgId: string,
  id: string,
  at: number,
  feedbackId: string,
): Promise<boolean> {
  const r = await surveyDb(db)
    .updateTable("survey_invitations")
    .set({ answered_at: new Date(at).toISOString(), feedback_id: feedbackId })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("answered_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Claims the organization's daily run for `day`; false when another run has it. */
export async function claimSurveyRun(
  db: Kysely<Database>,
  orgId: string,
  day: string,
  at: number,
): Promise<boolean> {
  const r = await surveyDb(db)
    .insertInto("survey_runs")
    .values({
      org_id: orgId,
      day,
      claimed_at: new Date(at).toISOString(),
      finished_at: null,
      sent: null,
    })
    .onConflict((oc) => oc.columns(["org_id", "day"]).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function finishSurveyRun(
  db: Kysely<Database>,
  orgId: string,
  day: string,
  sent: number,
): Promise<void> {
  await surveyDb(db)
    .updateTable("survey_runs")
    .set({ finished_at: new Date().toISOString(), sent })
    .where("org_id", "=", orgId)
    .where("day", "=", day)
    .execute();
}
