/** Rules on the customer's conduct: abusive, warranty_gaming, unfounded_complaints, serial_returner. */
import type { OrderFact, ReturnFact } from "../facts.ts";
import { DAY_MS, utcDay } from "./calendar.ts";
import { chronological } from "./customer-ledger.ts";
import { ids, type Rule } from "./rule-context.ts";
import { RULES } from "./scoring-rules.ts";
import { inWindow } from "./scoring-window.ts";

/**
 * An incident at or above the zero-tolerance severity (at any date), or two incidents of
 * severity 2 or more in the window.
 */
export const abusive: Rule = ({ ledger, charter, window, f }) => {
  const threshold = charter.zero_tolerance_severity;
  const { windowIncidents, windowSeverity } = RULES.abusive;
  const zeroTolerance = ledger.incident.filter((i) => i.severity >= threshold);
  const severe = ledger.incident.filter(
    (i) => i.severity >= windowSeverity && inWindow(window, i.at),
  );
  const repeated = severe.length >= windowIncidents;
  if (zeroTolerance.length === 0 && !repeated) return undefined;
  const incident: [string, string] = ["incident", "incidents"];
  const parts: string[] = [];
  if (zeroTolerance.length > 0) {
    parts.push(
      f.say(
        `${f.count(zeroTolerance.length, incident, incident)} de gravité ${threshold} ou plus (tolérance zéro)`,
        `${f.count(zeroTolerance.length, incident, incident)} of severity ${threshold} or more (zero tolerance)`,
      ),
    );
  }
  if (repeated) {
    parts.push(
      f.say(
        `${severe.length} incidents de gravité ${windowSeverity} ou plus en ${window.months} mois`,
        `${severe.length} incidents of severity ${windowSeverity} or more in ${window.months} months`,
      ),
    );
  }
  const evidence = [...zeroTolerance, ...(repeated ? severe : [])].sort(chronological);
  return { code: "abusive", evidence: ids(evidence), message: parts.join(f.say(" ; ", "; ")) };
};

interface WarrantyClock {
  /** UTC day number of the warranty's end (the last day covered). */
  endDay: number;
  periodDays: number;
}

/**
 * The warranty of a return: its own `warranty_end`, else the order's delivery (or order date)
 * plus the order's `warranty_days` (else the charter's). Undefined when neither the return
 * nor a known order tells when the warranty ends.
 */
export function warrantyOf(
  ret: ReturnFact,
  order: OrderFact | undefined,
  charterDays: number,
): WarrantyClock | undefined {
  const start = order ? (order.delivered ?? order.at) : undefined;
  const days = order?.warranty_days ?? charterDays;
  if (ret.warranty_end !== undefined) {
    const endDay = utcDay(ret.warranty_end);
    const periodDays = start === undefined ? days : Math.max(0, endDay - utcDay(start));
    return { endDay, periodDays };
  }
  if (start === undefined) return undefined;
  return { endDay: utcDay(start + days * DAY_MS), periodDays: days };
}

/**
 * At least 2 returns, each made in the last max(7 days, 10 % of the warranty period) of its
 * warranty (counted in UTC calendar days, the end day included), that are at least two thirds
 * of all the customer's returns.
 */
export const warrantyGaming: Rule = ({ ledger, charter, f }) => {
  const { minReturns, minDays, periodShare, returnsShare } = RULES.warrantyGaming;
  let widest = 0;
  const gaps: number[] = [];
  const late = ledger.return.filter((ret) => {
    const clock = warrantyOf(ret, ledger.ordersById.get(ret.order), charter.warranty_days);
    if (!clock) return false;
    const lastDays = Math.max(minDays, periodShare * clock.periodDays);
    const before = clock.endDay - utcDay(ret.at);
    if (before < 0 || before >= lastDays) return false;
    widest = Math.max(widest, lastDays);
    gaps.push(before);
    return true;
  });
  const total = ledger.return.length;
  if (late.length < minReturns || late.length * returnsShare[1] < total * returnsShare[0]) {
    return undefined;
  }
  const kinds = new Set(late.map((r) => r.kind));
  const noun = kinds.size === 1 ? RETURN_NOUNS[[...kinds][0]] : RETURN_NOUNS.any;
  const [low, high] = [Math.min(...gaps), Math.max(...gaps)];
  const span = low === high ? `${low}` : f.say(`${low} à ${high}`, `${low} to ${high}`);
  const rest = late.length < total;
  return {
    code: "warranty_gaming",
    evidence: ids(late),
    message: f.say(
      `${f.count(late.length, noun.fr, noun.fr)}, chacun à moins de ${f.num(widest)} jours de la fin de garantie (${span} jours avant)${rest ? `, sur ${total} retours en tout` : ""}`,
      `${f.count(late.length, noun.en, noun.en)}, each less than ${f.num(widest)} days before the warranty ended (${span} days before)${rest ? `, out of ${total} returns in all` : ""}`,
    ),
  };
};

const RETURN_NOUNS: Record<string, { fr: [string, string]; en: [string, string] }> = {
  exchange: { fr: ["échange", "échanges"], en: ["exchange", "exchanges"] },
  refund: { fr: ["remboursement", "remboursements"], en: ["refund", "refunds"] },
  repair: { fr: ["réparation", "réparations"], en: ["repair", "repairs"] },
  any: { fr: ["retour", "retours"], en: ["return", "returns"] },
};

/** At least 3 complaints in the window whose fault is the customer's; no other fault counts. */
export const unfoundedComplaints: Rule = ({ ledger, window, f }) => {
  const theirs = ledger.complaint.filter((c) => c.fault === "customer" && inWindow(window, c.at));
  if (theirs.length < RULES.unfoundedComplaints.minComplaints) return undefined;
  return {
    code: "unfounded_complaints",
    evidence: ids(theirs),
    message: f.say(
      `${theirs.length} réclamations en ${window.months} mois dont la cause lui revenait`,
      `${theirs.length} complaints in ${window.months} months where the fault was the customer's own`,
    ),
  };
};

/** At least 3 returns in the window, and returns at least half of the window's orders. */
export const serialReturner: Rule = ({ ledger, window, money, f }) => {
  const returns = ledger.return.filter((r) => inWindow(window, r.at));
  const { minReturns, ordersShare } = RULES.serialReturner;
  const orders = money.orders.length;
  if (returns.length < minReturns || returns.length * ordersShare[1] < orders * ordersShare[0]) {
    return undefined;
  }
  return {
    code: "serial_returner",
    evidence: ids(returns),
    message: f.say(
      `${returns.length} retours pour ${f.count(orders, ["commande", "commandes"], ["order", "orders"])} en ${window.months} mois`,
      `${returns.length} returns for ${f.count(orders, ["commande", "commandes"], ["order", "orders"])} in ${window.months} months`,
    ),
  };
};
