/**
 * One customer as a role sees it: the customer record and a page of the timeline of their
 * facts up to as-of for everyone (newest page first: a customer may have 100,000 facts); the scorecard (segment, signals with their evidence) and the money
 * summary only for roles that may see scorecards, and so is the expected value (`values`, the
 * organization's customer-value fit: docs/clv.md). Another organization's customer is 404.
 */
import type { Charter } from "../../domain/charter.ts";
import { AppError } from "../../domain/errors.ts";
import type { CustomerFact } from "../../domain/facts.ts";
import { fromMinor, minorDigits } from "../../domain/money.ts";
import { canSeeScorecards, type Role } from "../../domain/policies.ts";
import { type Scorecard, signalLabel } from "../../domain/scorecard/index.ts";
import type { Store } from "../../store/database.ts";
import { findFact } from "../../store/fact-repository.ts";
import {
  countCustomerFacts,
  listCustomerFactsPage,
  pageOfCustomerFact,
} from "../../store/timeline-repository.ts";
import type { CustomerValues } from "../customer-value/compute-customer-values.ts";
import { presentCustomerValue } from "../customer-value/present-customer-value.ts";
import { presentTimeline } from "./present-timeline.ts";

/** Facts a timeline page holds unless asked otherwise (the API's default too). */
const TIMELINE_PAGE_SIZE = 100;

export async function getCustomer(
  store: Store,
  orgId: string,
  role: Role,
  customerId: string,
  context: {
    charter: Charter;
    scorecard?: Scorecard;
    asOf: number;
    lang: "fr" | "en";
    /** The customer-value fit; the value is left out (null) without it. */
    values?: CustomerValues;
    /** Which page of the timeline (default the first, newest); `fact`: the page holding it. */
    timeline?: { page?: number; pageSize?: number; fact?: string };
  },
) {
  const found = await findFact(store, orgId, "customer", customerId);
  const record = found && found.at <= context.asOf ? (found as CustomerFact) : undefined;
  if (!record) throw new AppError("CUSTOMER_NOT_FOUND", `id: no customer "${customerId}" here`);
  const until = context.asOf;
  const pageSize = context.timeline?.pageSize ?? TIMELINE_PAGE_SIZE;
  const wanted = context.timeline?.fact;
  const page =
    (wanted && (await pageOfCustomerFact(store, orgId, customerId, wanted, { until, pageSize }))) ||
    context.timeline?.page ||
    1;
  const [facts, total] = await Promise.all([
    listCustomerFactsPage(store, orgId, customerId, { until, page, pageSize }),
    countCustomerFacts(store, orgId, customerId, until),
  ]);
  const full = canSeeScorecards(role);
  const card = context.scorecard;
  const digits = minorDigits(context.charter.currency);
  return {
    customer: {
      id: record.id,
      name: record.name,
      kind: record.kind ?? null,
      email: record.email ?? null,
      phone: record.phone ?? null,
      status: record.status,
      lang: record.lang ?? null,
      since: new Date(record.at).toISOString(),
    },
    currency: context.charter.currency,
    scorecard:
      full && card
        ? {
            segment: card.segment,
            signals: card.signals.map((s) => ({
              code: s.code,
              label: signalLabel(s.code, context.lang),
              evidence: [...s.evidence],
              message: s.message,
            })),
          }
        : null,
    money:
      full && card
        ? {
            revenue: fromMinor(card.revenue, digits),
            margin: fromMinor(card.margin, digits),
            orders: card.orders,
            outstanding: fromMinor(card.outstanding, digits),
            outstanding_total: fromMinor(card.outstandingTotal, digits),
          }
        : null,
    value:
      full && context.values
        ? presentCustomerValue(
            context.values,
            { id: record.id, status: record.status },
            context.lang,
            context.charter.currency,
          )
        : null,
    timeline: presentTimeline(facts, digits, { hideCosts: !full }),
    timelinePage: { page, pageSize, total },
  };
}
