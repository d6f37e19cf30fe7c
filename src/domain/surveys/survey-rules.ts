/**
 * When a survey may go, and to whom (issue 17). Pure: the caller reads the facts and the
 * surveys already sent. A person is an e-mail address; never more than one survey per person
 * per `intervalDays` (90 by default), never to someone who opted out or whose relationship
 * was ended.
 */
import type { CustomerFact, Fact, OrderFact } from "../facts.ts";
import { addUtcMonths } from "../scorecard/calendar.ts";
import type { SurveyKind } from "./survey-kinds.ts";

const DAY = 86_400_000;

export interface SurveyPolicy {
  /** At most one survey per e-mail address in this many days. */
  intervalDays: number;
  /** The survey after delivery goes this many days after it. */
  afterDeliveryDays: number;
  /** Lost prospects: this many days after a quote not accepted or a prospect without order. */
  lostProspectDays: number;
  /** A link works this many days. */
  linkDays: number;
  /** An answer can be changed this many days. */
  editDays: number;
  /** The daily job looks back this far for imported deliveries (older ones are left alone). */
  deliveryLookbackDays: number;
}

export const DEFAULT_SURVEY_POLICY: Readonly<SurveyPolicy> = Object.freeze({
  intervalDays: 90,
  afterDeliveryDays: 3,
  lostProspectDays: 30,
  linkDays: 30,
  editDays: 7,
  deliveryLookbackDays: 14,
});

/** The address as a person: trimmed, lowercased; undefined when it is not an address. */
export function personOf(email: string | undefined): string | undefined {
  const e = email?.trim().toLowerCase();
  return e && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e) ? e : undefined;
}

export type SurveyRefusal = "no_email" | "opted_out" | "relationship_ended" | "too_soon";

/** Why a survey may not go to this customer now, or null when it may. */
export function surveyRefusal(input: {
  customer: CustomerFact;
  relationshipEnded: boolean;
  /** The latest survey sent to the same address (epoch ms), if any. */
  lastSentToPerson: number | undefined;
  now: number;
  policy: SurveyPolicy;
}): SurveyRefusal | null {
  if (!personOf(input.customer.email)) return "no_email";
  if (isOptedOut(input.customer)) return "opted_out";
  if (input.relationshipEnded) return "relationship_ended";
  if (
    input.lastSentToPerson !== undefined &&
    input.now - input.lastSentToPerson < input.policy.intervalDays * DAY
  )
    return "too_soon";
  return null;
}

/** Opt-out is kept on the customer record, as the unknown field `survey_opt_out`. */
export function isOptedOut(customer: CustomerFact): boolean {
  return customer.extra?.survey_opt_out !== undefined && customer.extra?.survey_opt_out !== false;
}

export interface SurveyCandidate {
  kind: SurveyKind;
  customer: string;
  order?: string;
}

/**
 * What the daily job would send to one customer, given its facts (corrections applied) and
 * the kinds (and orders) it was already surveyed for. At most one candidate.
 * - after delivery: an order delivered at least `afterDeliveryDays` ago and at most
 *   `deliveryLookbackDays` ago, not surveyed yet;
 * - lost prospect: a prospect, known for at least `lostProspectDays`, never ordered, never
 *   asked;
 * - former customer: orders, the last one more than `windowMonths` ago, not asked since it.
 */
export function dailyCandidate(input: {
  customer: CustomerFact;
  facts: readonly Fact[];
  surveyed: { kind: SurveyKind; order: string | null; sentAt: number }[];
  now: number;
  windowMonths: number;
  policy: SurveyPolicy;
}): SurveyCandidate | null {
  const { customer, facts, surveyed, now, policy } = input;
  const orders = facts.filter((f): f is OrderFact => f.type === "order");
  const surveyedOrders = new Set(surveyed.filter((s) => s.order).map((s) => s.order));
  for (const o of orders) {
    if (o.delivered === undefined || surveyedOrders.has(o.id)) continue;
    const age = now - o.delivered;
    if (age >= policy.afterDeliveryDays * DAY && age <= policy.deliveryLookbackDays * DAY)
      return { kind: "after_delivery", customer: customer.id, order: o.id };
  }
  if (customer.status === "prospect") {
    if (orders.length > 0 || surveyed.some((s) => s.kind === "lost_prospect")) return null;
    return now - customer.at >= policy.lostProspectDays * DAY
      ? { kind: "lost_prospect", customer: customer.id }
      : null;
  }
  if (orders.length === 0) return null;
  const last = Math.max(...orders.map((o) => o.at));
  if (last > addUtcMonths(now, -input.windowMonths)) return null;
  if (surveyed.some((s) => s.kind === "former_customer" && s.sentAt > last)) return null;
  return { kind: "former_customer", customer: customer.id };
}
