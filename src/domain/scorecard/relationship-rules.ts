/** Rules on the relationship itself: loyal, promoter, detractor. */
import type { FeedbackFact } from "../facts.ts";
import { addUtcMonths, utcYear } from "./calendar.ts";
import type { CustomerLedger } from "./customer-ledger.ts";
import { ids, type Rule } from "./rule-context.ts";
import { RULES } from "./scoring-rules.ts";

/**
 * A customer for at least 2 years (since the earlier of the customer record and the first
 * order) with orders in at least 2 distinct calendar years, or at least 3 orders in the window.
 */
export const loyal: Rule = ({ ledger, asOf, money, window, f }) => {
  const { minYears, minDistinctYears, minWindowOrders } = RULES.loyal;
  const first = ledger.order[0];
  const since = Math.min(ledger.customer.at, first?.at ?? ledger.customer.at);
  const firstOfYear = new Map<number, (typeof ledger.order)[number]>();
  for (const order of ledger.order) {
    const year = utcYear(order.at);
    if (!firstOfYear.has(year)) firstOfYear.set(year, order);
  }
  const tenured =
    addUtcMonths(since, 12 * minYears) <= asOf && firstOfYear.size >= minDistinctYears;
  const frequent = money.orders.length >= minWindowOrders;
  if (!tenured && !frequent) return undefined;
  const parts: string[] = [];
  if (tenured) {
    const years = Math.floor(monthsBetween(since, asOf) / 12);
    parts.push(
      f.say(
        `Client depuis ${years} ans, avec des commandes sur ${firstOfYear.size} années différentes`,
        `A customer for ${years} years, with orders in ${firstOfYear.size} different years`,
      ),
    );
  }
  if (frequent) {
    parts.push(
      f.say(
        `${money.orders.length} commandes en ${window.months} mois`,
        `${money.orders.length} orders in ${window.months} months`,
      ),
    );
  }
  const record = tenured && since === ledger.customer.at ? [ledger.customer] : [];
  return {
    code: "loyal",
    evidence: ids(record, tenured ? [...firstOfYear.values()] : [], frequent ? money.orders : []),
    message: parts.join(f.say(" ; ", "; ")),
  };
};

/** Whole calendar months from one instant to a later one (UTC). */
function monthsBetween(from: number, to: number): number {
  let months = 0;
  while (addUtcMonths(from, months + 12) <= to) months += 12;
  while (addUtcMonths(from, months + 1) <= to) months += 1;
  return months;
}

/** The latest feedback with a score (by date, then id), or undefined. */
export function latestScore(ledger: CustomerLedger): FeedbackFact | undefined {
  for (let i = ledger.feedback.length - 1; i >= 0; i--) {
    if (typeof ledger.feedback[i].score === "number") return ledger.feedback[i];
  }
  return undefined;
}

/** The latest feedback score is 9 or 10. */
export const promoter: Rule = ({ ledger, f }) => {
  const latest = latestScore(ledger);
  if (latest?.score === undefined || latest.score < RULES.feedback.promoterMin) return undefined;
  return {
    code: "promoter",
    evidence: [latest.id],
    message: f.say(
      `Dernier avis : ${latest.score}/10, recommande l'entreprise`,
      `Latest feedback: ${latest.score}/10, recommends the business`,
    ),
  };
};

/** The latest feedback score is 0 to 6: a relationship to recover, not a fault. */
export const detractor: Rule = ({ ledger, f }) => {
  const latest = latestScore(ledger);
  if (latest?.score === undefined || latest.score > RULES.feedback.detractorMax) return undefined;
  return {
    code: "detractor",
    evidence: [latest.id],
    message: f.say(
      `Dernier avis : ${latest.score}/10, une relation à rattraper`,
      `Latest feedback: ${latest.score}/10, a relationship to win back`,
    ),
  };
};
