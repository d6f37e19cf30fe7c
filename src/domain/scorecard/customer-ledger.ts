import type { CustomerFact, Fact, FactOf, FactType } from "../facts.ts";
import { factCustomer } from "../facts.ts";

type Grouped = { [T in Exclude<FactType, "customer">]: FactOf<T>[] };

/** One customer's facts known at the as-of instant, by type, each list oldest first. */
export interface CustomerLedger extends Grouped {
  customer: CustomerFact;
  ordersById: ReadonlyMap<string, FactOf<"order">>;
}

/** Oldest first; the id breaks ties so that the order never depends on the input's. */
export function chronological(a: { at: number; id: string }, b: { at: number; id: string }) {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Sorts one customer's facts by type, dropping those dated after `asOf` and those that belong
 * to another customer (feedback without a customer included).
 */
export function customerLedger(
  customer: CustomerFact,
  facts: readonly Fact[],
  asOf: number,
): CustomerLedger {
  const groups: Grouped = {
    order: [],
    time: [],
    revision: [],
    chase: [],
    invoice: [],
    payment: [],
    reminder: [],
    return: [],
    complaint: [],
    incident: [],
    feedback: [],
  };
  for (const fact of facts) {
    if (fact.at > asOf || fact.type === "customer" || factCustomer(fact) !== customer.id) continue;
    (groups[fact.type] as Fact[]).push(fact);
  }
  for (const list of Object.values(groups)) list.sort(chronological);
  return {
    customer,
    ...groups,
    ordersById: new Map(groups.order.map((o) => [o.id, o])),
  };
}
