/** Rules that call for new terms: haggler, unprofitable, scope_creep, missing_inputs. */
import type { OrderFact } from "../facts.ts";
import { ids, type Rule } from "./rule-context.ts";
import { RULES } from "./scoring-rules.ts";
import { inWindow } from "./scoring-window.ts";

const ORDER: [string, string] = ["commande", "commandes"];
const ORDER_EN: [string, string] = ["order", "orders"];

/** Discount as a percentage of the list price (0 when there is no list price). */
export function discountPct(order: OrderFact): number {
  return order.list_price > 0 ? ((order.list_price - order.price) * 100) / order.list_price : 0;
}

/**
 * At least 2 orders in the window with a discount above `max_discount_pct`, and at least half
 * of the window's orders.
 */
export const haggler: Rule = ({ money, charter, window, f }) => {
  const limit = charter.max_discount_pct;
  // (list - price) * 100 > limit * list, in integers: no rounding at the boundary.
  const discounted = money.orders.filter(
    (o) => o.list_price > 0 && (o.list_price - o.price) * 100 > limit * o.list_price,
  );
  const { minOrders, ordersShare } = RULES.haggler;
  const all = money.orders.length;
  if (discounted.length < minOrders || discounted.length * ordersShare[1] < all * ordersShare[0]) {
    return undefined;
  }
  const deepest = Math.max(...discounted.map(discountPct));
  return {
    code: "haggler",
    evidence: ids(discounted),
    message: f.say(
      `${discounted.length} commandes sur ${all} en ${window.months} mois avec une remise de plus de ${f.num(limit)} % (jusqu'à ${f.num(deepest)} %)`,
      `${discounted.length} of ${f.count(all, ORDER, ORDER_EN)} in ${window.months} months discounted by more than ${f.num(limit)}% (up to ${f.num(deepest)}%)`,
    ),
  };
};

/**
 * Margin over the window below `min_margin_pct` of revenue (spec section 3, literally: no sale
 * is needed, so time logged on a customer who bought nothing is a loss). The customer is
 * judged on the margin without the remedies of complaints that were not their fault: our
 * mistakes are our cost, never held against them. Zero revenue and zero cost is no signal.
 */
export const unprofitable: Rule = ({ ledger, money, charter, window, f }) => {
  const judged = money.margin + money.remediesNotTheirFault;
  const min = charter.min_margin_pct;
  if (judged * 100 >= min * money.revenue) return undefined;
  // The evidence is every fact the judged margin is made of: sales, time, their remedies.
  const evidence = ids(
    money.orders,
    ledger.time.filter((t) => inWindow(window, t.at)),
    ledger.complaint.filter(
      (c) => c.fault === "customer" && c.remedy_amount && inWindow(window, c.at),
    ),
  );
  const excluded = money.remediesNotTheirFault;
  const leftOut = excluded
    ? f.say(
        ` (hors ${f.money(excluded)} de gestes pour des réclamations qui ne sont pas de son fait)`,
        ` (leaving out ${f.money(excluded)} of remedies for complaints that were not the customer's fault)`,
      )
    : "";
  if (money.revenue <= 0) {
    const costs = money.revenue - judged;
    return {
      code: "unprofitable",
      evidence,
      message: f.say(
        `Aucune vente en ${window.months} mois mais ${f.money(costs)} de coûts (temps passé, matériaux, gestes) : marge de ${f.money(judged)}${leftOut}`,
        `No sales in ${window.months} months but ${f.money(costs)} of costs (time spent, materials, remedies): a margin of ${f.money(judged)}${leftOut}`,
      ),
    };
  }
  const pct = (judged * 100) / money.revenue;
  return {
    code: "unprofitable",
    evidence,
    message: f.say(
      `Marge de ${f.money(judged)} sur ${f.money(money.revenue)} de chiffre d'affaires en ${window.months} mois (${f.num(pct)} %), sous le minimum de ${f.num(min)} %${leftOut}`,
      `Margin of ${f.money(judged)} on ${f.money(money.revenue)} of revenue in ${window.months} months (${f.num(pct)}%), below the ${f.num(min)}% minimum${leftOut}`,
    ),
  };
};

/**
 * Revisions beyond each order's included rounds (the order's `included_revisions`, else the
 * charter's) total at least 3 in the window. Rounds are counted over the order's whole life,
 * oldest first, so a round used before the window still counts as used.
 */
export const scopeCreep: Rule = ({ ledger, charter, window, f }) => {
  const seen = new Map<string, number>();
  const extra = ledger.revision.filter((rev) => {
    const round = (seen.get(rev.order) ?? 0) + 1;
    seen.set(rev.order, round);
    const included = ledger.ordersById.get(rev.order)?.included_revisions;
    return round > (included ?? charter.included_revisions) && inWindow(window, rev.at);
  });
  if (extra.length < RULES.scopeCreep.minExtraRevisions) return undefined;
  const orders = new Set(extra.map((r) => r.order)).size;
  return {
    code: "scope_creep",
    evidence: ids(extra),
    message: f.say(
      `${extra.length} tours de modifications au-delà de ceux inclus, sur ${f.count(orders, ORDER, ORDER_EN)}, en ${window.months} mois`,
      `${extra.length} rounds of changes beyond those included, on ${f.count(orders, ORDER, ORDER_EN)}, in ${window.months} months`,
    ),
  };
};

/** At least 3 chases in the window (inputs the customer owed us). */
export const missingInputs: Rule = ({ ledger, window, f }) => {
  const chases = ledger.chase.filter((c) => inWindow(window, c.at));
  if (chases.length < RULES.missingInputs.minChases) return undefined;
  return {
    code: "missing_inputs",
    evidence: ids(chases),
    message: f.say(
      `${chases.length} relances en ${window.months} mois pour obtenir des éléments qu'il nous devait`,
      `${chases.length} chases in ${window.months} months for inputs the customer owed us`,
    ),
  };
};
