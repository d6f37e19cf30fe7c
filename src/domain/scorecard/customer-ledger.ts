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
    credit_note: [],
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
  for (const list of Object.values(groups)) sortChronologically(list);
  const ordersById = new Map<string, FactOf<"order">>();
  for (const order of groups.order) ordersById.set(order.id, order);
  // Spelled out rather than spread: one ledger a customer, 100,000 in a pass.
  return {
    customer,
    order: groups.order,
    time: groups.time,
    revision: groups.revision,
    chase: groups.chase,
    invoice: groups.invoice,
    payment: groups.payment,
    credit_note: groups.credit_note,
    reminder: groups.reminder,
    return: groups.return,
    complaint: groups.complaint,
    incident: groups.incident,
    feedback: groups.feedback,
    ordersById,
  };
}

/**
 * Sorts in place, oldest first. Facts mostly come in date order already (the store reads them
 * so) and the sort is stable: such a list is left as it is, without calling sort.
 */
function sortChronologically(list: { at: number; id: string }[]): void {
  for (let i = 1; i < list.length; i++) {
    if (chronological(list[i - 1] as Fact, list[i] as Fact) > 0) {
      list.sort(chronological);
      return;
    }
  }
}
