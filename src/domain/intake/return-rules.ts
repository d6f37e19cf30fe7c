/**
 * A return against the warranty: its end is computed from the delivery (or, for an order
 * never marked delivered, its date) plus the order's warranty days.
 */
import type { OrderFact, ReturnFact } from "../facts.ts";
import { warrantyEnd, withinWarranty } from "./warranty-end.ts";

export interface ReturnCheck {
  warrantyEnd: number;
  within: boolean;
  /** Days left (negative once past), whole days rounded down. */
  daysLeft: number;
}

/** @example checkReturn(order, at, 30).within // true when at <= delivered + 30 days */
export function checkReturn(
  order: Pick<OrderFact, "at" | "delivered" | "warranty_days">,
  at: number,
  defaultWarrantyDays: number,
): ReturnCheck {
  const end = warrantyEnd(order.delivered ?? order.at, order.warranty_days ?? defaultWarrantyDays);
  return {
    warrantyEnd: end,
    within: withinWarranty(at, end),
    daysLeft: Math.floor((end - at) / 86_400_000),
  };
}

/** The customer's earlier returns, newest first, for the form's history. */
export function earlierReturns(facts: readonly ReturnFact[], before: number): ReturnFact[] {
  return facts.filter((f) => f.at <= before).sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
}
