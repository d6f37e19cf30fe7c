/**
 * The daily survey job of one organization: surveys after delivery (for orders delivered in
 * the app or imported, `afterDeliveryDays` after the delivery), to lost prospects and to former
 * customers. The day is claimed in the database first (`survey_runs`): with several servers
 * on one database, or a second run the same day, only one sends anything.
 */
import { applyCorrections } from "../../domain/corrections.ts";
import {
  DEFAULT_SURVEY_POLICY,
  dailyCandidate,
  type SurveyPolicy,
} from "../../domain/surveys/survey-rules.ts";
import { getCharter } from "../../store/charter-repository.ts";
import type { Store } from "../../store/database.ts";
import { streamCustomerFacts } from "../../store/fact-repository.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { claimSurveyRun, finishSurveyRun, listInvitations } from "../../store/survey-repository.ts";
import { sendSurvey } from "./send-survey.ts";

export interface DailySurveyReport {
  /** False when another run had already claimed the day. */
  claimed: boolean;
  sent: number;
  /** Candidates refused (opt-out, ended, 90 days, no address), by reason. */
  refused: Record<string, number>;
}

export async function runDailySurveys(
  store: Store,
  org: Organization,
  publicUrl: string,
  now = Date.now(),
  policy: SurveyPolicy = DEFAULT_SURVEY_POLICY,
): Promise<DailySurveyReport> {
  const day = new Date(now).toISOString().slice(0, 10);
  if (!(await claimSurveyRun(store.db, org.id, day, now)))
    return { claimed: false, sent: 0, refused: {} };
  const charter = await getCharter(store, org.id);
  const byCustomer = new Map<string, Awaited<ReturnType<typeof listInvitations>>>();
  for (const inv of await listInvitations(store.db, org.id)) {
    const list = byCustomer.get(inv.customer) ?? [];
    list.push(inv);
    byCustomer.set(inv.customer, list);
  }
  const candidates = [];
  for await (const { customer, facts } of streamCustomerFacts(store, org.id, { until: now })) {
    const candidate = dailyCandidate({
      customer,
      facts: applyCorrections(facts),
      surveyed: (byCustomer.get(customer.id) ?? []).map((s) => ({
        kind: s.kind,
        order: s.order,
        sentAt: s.sentAt,
      })),
      now,
      windowMonths: charter.window_months,
      policy,
    });
    if (candidate) candidates.push(candidate);
  }
  let sent = 0;
  const refused: Record<string, number> = {};
  for (const c of candidates) {
    const result = await sendSurvey(
      store,
      org,
      { ...c, trigger: c.kind === "after_delivery" ? "delivery" : "daily", by: null },
      publicUrl,
      now,
      policy,
    );
    if (result.sent) sent++;
    else refused[result.reason] = (refused[result.reason] ?? 0) + 1;
  }
  await finishSurveyRun(store.db, org.id, day, sent);
  return { claimed: true, sent, refused };
}
