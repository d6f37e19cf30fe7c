/**
 * One click (a POST from the page the e-mail links to) and the person gets no more surveys:
 * the customer record is corrected with the unknown field `survey_opt_out` (the date), so
 * export and import carry it like any correction (docs/surveys.md). Doing it twice changes
 * nothing. Works with an expired or answered link too: saying no is always possible.
 */
import { randomBytes } from "node:crypto";
import { isArchived, withDetails } from "../../domain/customer-record.ts";
import { AppError } from "../../domain/errors.ts";
import type { CustomerFact } from "../../domain/facts.ts";
import { isOptedOut } from "../../domain/surveys/survey-rules.ts";
import { findCustomer } from "../../store/customer-records.ts";
import type { Store } from "../../store/database.ts";
import { insertFact } from "../../store/fact-repository.ts";
import { findOrganization } from "../../store/organization-repository.ts";
import { findInvitationByHash, type SurveyInvitation } from "../../store/survey-repository.ts";
import { hashSurveyToken } from "./survey-support.ts";

export async function findSurveyLink(
  store: Store,
  orgSlug: string,
  secret: string,
): Promise<SurveyInvitation> {
  const invitation = await findInvitationByHash(store.db, hashSurveyToken(secret));
  const org = await findOrganization(store, orgSlug);
  if (!invitation || !org || invitation.orgId !== org.id)
    throw new AppError("SURVEY_LINK_INVALID", "token: this survey link does not exist");
  return invitation;
}

export async function optOutOfSurveys(
  store: Store,
  orgSlug: string,
  secret: string,
  now = Date.now(),
): Promise<{ changed: boolean }> {
  const invitation = await findSurveyLink(store, orgSlug, secret);
  const record = (await findCustomer(store, invitation.orgId, invitation.customer)) as
    | CustomerFact
    | undefined;
  if (!record || isOptedOut(record)) return { changed: false };
  const fact = withDetails(
    record,
    {},
    {
      id: `${record.id}~optout-${randomBytes(4).toString("hex")}`,
      at: Math.max(now, record.at),
      corrects: record.id,
    },
    {
      ...(isArchived(record) ? { archived: true } : {}),
      survey_opt_out: new Date(now).toISOString(),
      changed_by: `survey:${invitation.id}`,
    },
  );
  await insertFact(store, invitation.orgId, fact);
  return { changed: true };
}
