import type { Charter } from "../charter.ts";
import type { OrderFact } from "../facts.ts";
import { minorDigits, toMinor } from "../money.ts";
import type { CustomerLedger } from "./customer-ledger.ts";
import type { InvoiceBalance } from "./invoice-balances.ts";
import { inWindow, type ScoringWindow } from "./scoring-window.ts";

/** A customer's money over the window, in integer minor units. */
export interface CustomerMoney {
  /** Orders dated in the window, oldest first. */
  orders: OrderFact[];
  revenue: number;
  materials: number;
  /** Every minute logged in the window at the charter's hour cost, rounded once. */
  labour: number;
  /** Remedy amounts of every complaint in the window, whoever was at fault. */
  remedies: number;
  /** Part of `remedies` for complaints whose fault is not the customer's (ours, material...). */
  remediesNotTheirFault: number;
  /** revenue - materials - labour - remedies (the spec's formula). */
  margin: number;
  /** Sum over invoices of amount minus payments, as of the as-of instant. */
  outstanding: number;
}

/**
 * The labour cost of `minutes` at `hourCost` (currency units per hour), in minor units.
 * The hour cost is converted exactly from its decimal text, and the total rounded once.
 * @example labourCost(90, 40, 2) // 6000
 */
export function labourCost(minutes: number, hourCost: number, digits: number): number {
  const hourMinor = toMinor(hourCost, digits) ?? hourCost * 10 ** digits;
  return Math.round((minutes * hourMinor) / 60);
}

export function customerMoney(
  ledger: CustomerLedger,
  invoices: readonly InvoiceBalance[],
  window: ScoringWindow,
  charter: Charter,
): CustomerMoney {
  const orders = ledger.order.filter((o) => inWindow(window, o.at));
  let revenue = 0;
  let materials = 0;
  for (const order of orders) {
    revenue += order.price;
    materials += order.cost;
  }
  let minutes = 0;
  for (const entry of ledger.time) if (inWindow(window, entry.at)) minutes += entry.minutes;
  const labour = labourCost(minutes, charter.hour_cost, minorDigits(charter.currency));
  let remedies = 0;
  let remediesNotTheirFault = 0;
  for (const complaint of ledger.complaint) {
    if (!inWindow(window, complaint.at) || !complaint.remedy_amount) continue;
    remedies += complaint.remedy_amount;
    if (complaint.fault !== "customer") remediesNotTheirFault += complaint.remedy_amount;
  }
  let outstanding = 0;
  for (const { balance } of invoices) outstanding += balance;
  return {
    orders,
    revenue,
    materials,
    labour,
    remedies,
    remediesNotTheirFault,
    margin: revenue - materials - labour - remedies,
    outstanding,
  };
}
