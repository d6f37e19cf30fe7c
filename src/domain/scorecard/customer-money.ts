import type { Charter } from "../charter.ts";
import type { OrderFact } from "../facts.ts";
import { minorDigits, toMinor } from "../money.ts";
import type { CustomerLedger } from "./customer-ledger.ts";
import type { InvoiceBalance } from "./invoice-balances.ts";
import { inWindow, type ScoringWindow } from "./scoring-window.ts";

/** A customer's money over the window, in integer minor units. */
export interface CustomerMoney {
  /** Orders dated in the window, oldest first; free redos (`extra.redo_of`) left out. */
  orders: OrderFact[];
  revenue: number;
  materials: number;
  /** Every minute logged in the window at the charter's hour cost, rounded once. */
  labour: number;
  /** Remedy amounts of every complaint in the window, whoever was at fault. */
  remedies: number;
  /**
   * What complaints that were not the customer's fault (ours, material...) cost us: their
   * remedy amounts, and the labour logged on the free redos they led to.
   */
  remediesNotTheirFault: number;
  /** revenue - materials - labour - remedies (the spec's formula). */
  margin: number;
  /** Balance (amount minus payments, as of the as-of instant) of the invoices issued in the window. */
  outstanding: number;
  /** The same over every invoice up to the as-of instant: what the customer owes today. */
  outstandingTotal: number;
}

/**
 * The labour cost of `minutes` at `hourCost` (currency units per hour), in minor units.
 * The hour cost is converted exactly from its decimal text, and the total rounded once.
 * @example labourCost(90, 40, 2) // 6000
 */
export function labourCost(minutes: number, hourCost: number, digits: number): number {
  return Math.round((minutes * hourMinor(hourCost, digits)) / 60);
}

/** The last hour cost converted: every customer of a pass asks for the charter's, twice. */
let lastHour = { hourCost: Number.NaN, digits: Number.NaN, minor: Number.NaN };

function hourMinor(hourCost: number, digits: number): number {
  if (hourCost !== lastHour.hourCost || digits !== lastHour.digits) {
    lastHour = { hourCost, digits, minor: toMinor(hourCost, digits) ?? hourCost * 10 ** digits };
  }
  return lastHour.minor;
}

/**
 * A free redo of an earlier order (the `redo` remedy of a complaint, see docs/intake.md): not
 * a sale, so not one of the customer's orders.
 */
export const isRedo = (order: OrderFact): boolean => typeof order.extra?.redo_of === "string";

/** The redo orders of complaints whose fault is not the customer's. */
function redosNotTheirFault(ledger: CustomerLedger): Set<string> {
  const ids = new Set<string>();
  for (const complaint of ledger.complaint) {
    const redo = complaint.extra?.redo_order;
    if (complaint.fault && complaint.fault !== "customer" && typeof redo === "string")
      ids.add(redo);
  }
  return ids;
}

export function customerMoney(
  ledger: CustomerLedger,
  invoices: readonly InvoiceBalance[],
  window: ScoringWindow,
  charter: Charter,
): CustomerMoney {
  const orders = ledger.order.filter((o) => inWindow(window, o.at) && !isRedo(o));
  let revenue = 0;
  let materials = 0;
  for (const order of orders) {
    revenue += order.price;
    materials += order.cost;
  }
  const ourRedos = redosNotTheirFault(ledger);
  let minutes = 0;
  let redoMinutes = 0;
  for (const entry of ledger.time) {
    if (!inWindow(window, entry.at)) continue;
    minutes += entry.minutes;
    if (entry.order !== undefined && ourRedos.has(entry.order)) redoMinutes += entry.minutes;
  }
  const digits = minorDigits(charter.currency);
  const labour = labourCost(minutes, charter.hour_cost, digits);
  let remedies = 0;
  // Time spent redoing our own mistake is a remedy of ours, never held against the customer.
  let remediesNotTheirFault = labourCost(redoMinutes, charter.hour_cost, digits);
  for (const complaint of ledger.complaint) {
    if (!inWindow(window, complaint.at) || !complaint.remedy_amount) continue;
    remedies += complaint.remedy_amount;
    if (complaint.fault !== "customer") remediesNotTheirFault += complaint.remedy_amount;
  }
  let outstanding = 0;
  let outstandingTotal = 0;
  for (const { invoice, balance } of invoices) {
    outstandingTotal += balance;
    if (inWindow(window, invoice.at)) outstanding += balance;
  }
  return {
    orders,
    revenue,
    materials,
    labour,
    remedies,
    remediesNotTheirFault,
    margin: revenue - materials - labour - remedies,
    outstanding,
    outstandingTotal,
  };
}
