/**
 * The customer-value model as the API shows it: one customer's `value` (numbers and a
 * sentence that explains them, or why there are none) and the dashboard's scatter.
 */
import { minorDigits } from "../../domain/money.ts";
import type { Scorecard, Segment } from "../../domain/scorecard/index.ts";
import type { SpendModel } from "./compute-clv.ts";
import type { CustomerValues } from "./compute-customer-values.ts";

type Lang = "fr" | "en";

/** The API's `value` of a customer (src/http/routes/customers/contract-value.ts has its schema). */
export interface CustomerValue {
  status: "estimated" | "unavailable";
  horizonWeeks: number;
  pAlive: number | null;
  expectedOrders: number | null;
  spendPerOrder: number | null;
  expectedSpend: number | null;
  clv: number | null;
  costToServe: number | null;
  netValue: number | null;
  spendModel: SpendModel | null;
  reason: string | null;
  sentence: string;
}

/** The dashboard's value scatter (src/http/routes/customers/contract-value.ts has its schema). */
export interface ValueScatter {
  status: "estimated" | "unavailable";
  horizonWeeks: number;
  spendModel: SpendModel | null;
  reason: string | null;
  sentence: string;
  /** Customers with a point; `points` holds at most SCATTER_MAX_POINTS of them. */
  total: number;
  points: {
    id: string;
    name: string;
    segment: Segment;
    costToServe: number;
    clv: number;
    netValue: number;
    pAlive: number;
  }[];
}

/** Why there is no estimate, in words: the reason codes of compute-customer-values and more. */
const REASONS: Record<string, { fr: string; en: string }> = {
  prospect: {
    fr: "c'est un prospect, qui n'a encore rien commandé",
    en: "this is a prospect, who has not ordered yet",
  },
  no_orders: {
    fr: "ce client n'a encore rien commandé",
    en: "this customer has not ordered anything yet",
  },
  no_customers: {
    fr: "aucun client n'a encore commandé",
    en: "no customer has ordered yet",
  },
  one_customer: {
    fr: "il faut au moins deux clients ayant commandé pour estimer un rythme d'achat",
    en: "at least two customers with orders are needed to estimate how often people buy",
  },
  no_repeat_customers: {
    fr: "aucun client n'est encore revenu commander un autre jour : on ne peut pas encore estimer qui revient ni à quel rythme",
    en: "no customer has come back to order on another day yet: who returns, and how often, cannot be estimated",
  },
  no_observation_time: {
    fr: "toutes les commandes datent du même jour : il faut plus de recul",
    en: "every order is from the same day: more history is needed",
  },
  numerical_limit: {
    fr: "sur cet historique, le calcul des commandes attendues dépasse les limites de précision du modèle",
    en: "on this history, the expected orders cannot be computed within the model's precision",
  },
  no_convergence: {
    fr: "le modèle n'a pas pu être ajusté sur cet historique",
    en: "the model could not be fitted to this history",
  },
  pending: {
    fr: "elle est en cours de calcul sur l'ensemble des clients, rechargez la page dans un instant",
    en: "it is being computed over every customer, reload the page in a moment",
  },
};

const formats = new Map<string, { money: Intl.NumberFormat; num: Intl.NumberFormat }>();
function format(lang: Lang, currency: string) {
  const key = `${lang}:${currency}`;
  let f = formats.get(key);
  if (!f) {
    const locale = lang === "fr" ? "fr-FR" : "en-GB";
    f = {
      money: new Intl.NumberFormat(locale, {
        style: "currency",
        currency,
        maximumFractionDigits: 0,
      }),
      num: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
    };
    formats.set(key, f);
  }
  return f;
}

/** "12 mois" for 52 weeks, else weeks. */
function horizonText(weeks: number, lang: Lang): string {
  const months = (weeks * 7) / (365.25 / 12);
  if (Math.abs(months - Math.round(months)) < 0.1) {
    const m = Math.round(months);
    return lang === "fr" ? `${m} mois` : `${m} month${m === 1 ? "" : "s"}`;
  }
  return lang === "fr" ? `${weeks} semaines` : `${weeks} weeks`;
}

function unavailable(reason: string, horizonWeeks: number, lang: Lang): CustomerValue {
  const why = REASONS[reason]?.[lang] ?? reason;
  return {
    status: "unavailable",
    horizonWeeks,
    pAlive: null,
    expectedOrders: null,
    spendPerOrder: null,
    expectedSpend: null,
    clv: null,
    costToServe: null,
    netValue: null,
    spendModel: null,
    reason,
    sentence: lang === "fr" ? `Pas d'estimation de valeur : ${why}.` : `No value estimate: ${why}.`,
  };
}

/**
 * @example presentCustomerValue(values, { id: "c-roussel", status: "active" }, "fr", "EUR").sentence
 *   // "Probabilité d'être encore client : 82 %. Sur 12 mois, on peut attendre 2,4 commandes, soit 310 € ; …"
 */
export function presentCustomerValue(
  values: CustomerValues,
  customer: { id: string; status: string },
  lang: Lang,
  currency: string,
): CustomerValue {
  if (customer.status === "prospect") return unavailable("prospect", values.horizonWeeks, lang);
  if (values.status === "unavailable") {
    return unavailable(values.reason, values.horizonWeeks, lang);
  }
  const c = values.byCustomer.get(customer.id);
  if (!c) return unavailable("no_orders", values.horizonWeeks, lang);
  const f = format(lang, currency);
  const fr = lang === "fr";
  const pct = `${Math.round(c.p_alive * 100)}${fr ? " %" : "%"}`;
  const orders = f.num.format(c.expected_orders);
  const plural = c.expected_orders >= (fr ? 2 : 1.05) || (!fr && c.expected_orders < 0.95);
  const ordersWord = fr ? (plural ? "commandes" : "commande") : plural ? "orders" : "order";
  const horizon = horizonText(values.horizonWeeks, lang);
  const parts = fr
    ? [
        `Probabilité d'être encore client : ${pct}.`,
        `Sur ${horizon}, on peut attendre ${orders} ${ordersWord}, soit ${f.money.format(c.clv)} ; après les matières, le temps passé et les gestes commerciaux, il reste environ ${f.money.format(c.net_value)}.`,
      ]
    : [
        `Probability of still being a customer: ${pct}.`,
        `Over ${horizon}, expect ${orders} ${ordersWord}, worth ${f.money.format(c.clv)}; after materials, time spent and goodwill gestures, about ${f.money.format(c.net_value)} remains.`,
      ];
  if (!values.dropoutVisible) {
    parts.push(
      fr
        ? "Cet historique ne montre encore aucun client perdu : le modèle suppose que chacun revient."
        : "This history shows no lost customer yet: the model assumes everyone comes back.",
    );
  }
  if (values.report.spend_model === "observed-mean") {
    parts.push(
      fr
        ? "Trop peu de clients réguliers pour modéliser la dépense : le montant par commande est la moyenne de ce client, rapprochée de celle de l'entreprise."
        : "Too few regular customers to model spend: the amount per order is this customer's average, pulled toward the business's.",
    );
  }
  return {
    status: "estimated",
    horizonWeeks: values.horizonWeeks,
    pAlive: c.p_alive,
    expectedOrders: c.expected_orders,
    spendPerOrder: c.spend_per_order,
    expectedSpend: round(c.expected_orders * c.spend_per_order, currency),
    clv: c.clv,
    costToServe: c.expected_cost_to_serve,
    netValue: c.net_value,
    spendModel: values.report.spend_model,
    reason: null,
    sentence: parts.join(" "),
  };
}

/** The dashboard scatter: customers with a segment and an estimate, x cost, y net value. */
export function presentValueScatter(
  values: CustomerValues,
  scorecards: readonly Scorecard[],
  lang: Lang,
): ValueScatter {
  const fr = lang === "fr";
  if (values.status === "unavailable") {
    const why = REASONS[values.reason]?.[lang] ?? values.reason;
    return {
      status: "unavailable",
      horizonWeeks: values.horizonWeeks,
      spendModel: null,
      reason: values.reason,
      sentence: fr ? `Pas d'estimation de valeur : ${why}.` : `No value estimate: ${why}.`,
      total: 0,
      points: [],
    };
  }
  const points: ValueScatter["points"] = [];
  for (const card of scorecards) {
    const c = values.byCustomer.get(card.customer);
    if (!c || card.segment === null) continue;
    points.push({
      id: card.customer,
      name: card.name,
      segment: card.segment as Segment,
      costToServe: c.expected_cost_to_serve,
      clv: c.clv,
      netValue: c.net_value,
      pAlive: c.p_alive,
    });
  }
  const horizon = horizonText(values.horizonWeeks, lang);
  const shown = scatterSample(points, SCATTER_MAX_POINTS);
  const sampled =
    shown.length === points.length
      ? ""
      : fr
        ? ` ${format(lang, "EUR").num.format(shown.length)} clients sur ${format(lang, "EUR").num.format(points.length)} sont représentés, répartis sur toute l'échelle de valeur et de coût.`
        : ` ${format(lang, "EUR").num.format(shown.length)} of ${format(lang, "EUR").num.format(points.length)} customers are shown, spread over the whole range of value and cost.`;
  return {
    status: "estimated",
    horizonWeeks: values.horizonWeeks,
    spendModel: values.report.spend_model,
    reason: null,
    sentence: fr
      ? `Chaque point est un client : à droite, ce que le servir devrait coûter sur ${horizon} (temps et gestes commerciaux) ; en haut, ce qu'il devrait rapporter une fois ces coûts et les matières déduits. En bas à droite, les clients qui coûtent plus qu'ils ne rapportent.${sampled}`
      : `Each dot is a customer: to the right, what serving them should cost over ${horizon} (time and goodwill gestures); higher up, what they should bring in once those costs and materials are paid. Bottom right: customers who cost more than they bring.${sampled}`,
    total: points.length,
    points: shown,
  };
}

/**
 * Most points a scatter carries: 100,000 dots make a 12 MB response and a chart nobody can
 * read, and cost a second to send on every dashboard.
 */
export const SCATTER_MAX_POINTS = 1000;

/**
 * At most `max` points, the same for the same input: the costliest to serve (the right edge),
 * then points evenly spaced in net-value order (both ends included), in the input's order.
 * @example scatterSample(points, 1000).length // min(points.length, 1000)
 */
export function scatterSample<P extends { id: string; costToServe: number; netValue: number }>(
  points: readonly P[],
  max: number,
): P[] {
  if (points.length <= max) return [...points];
  const byId = (a: P, b: P) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const keep = new Set<P>(
    [...points].sort((a, b) => b.costToServe - a.costToServe || byId(a, b)).slice(0, max / 10),
  );
  const byValue = [...points].sort((a, b) => a.netValue - b.netValue || byId(a, b));
  const room = max - keep.size;
  for (let i = 0; i < room; i++) {
    keep.add(byValue[Math.round((i * (byValue.length - 1)) / (room - 1))] as P);
  }
  // Evenly spaced indices may land on an already kept point: fill up in value order.
  for (let i = 0; keep.size < max && i < byValue.length; i++) keep.add(byValue[i] as P);
  return points.filter((p) => keep.has(p));
}

function round(n: number, currency: string): number {
  const f = 10 ** minorDigits(currency);
  return Math.round(n * f) / f;
}
