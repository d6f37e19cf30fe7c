/**
 * A quote against the charter: the discount from the list price above `max_discount_pct`, or
 * the expected margin below `min_margin_pct`, needs a manager's confirmation. The expected
 * margin is price − materials − the service's estimated minutes × `hour_cost` (the time
 * actually logged is only known later).
 */
import type { Charter } from "../charter.ts";
import { minorDigits, toMinor } from "../money.ts";

export interface Quote {
  /** Minor units. */
  listPrice: number;
  price: number;
  cost: number;
  /** Estimated minutes of work (from the catalogue), 0 when unknown. */
  minutes: number;
}

export interface QuoteCheck {
  discountPct: number;
  /** Expected margin, minor units. */
  margin: number;
  /** null for a free order (a redo): no margin to speak of. */
  marginPct: number | null;
  beyondDiscount: boolean;
  belowMargin: boolean;
  needsManager: boolean;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Labour at the charter's hour cost, minor units, rounded once (half up). */
export function labourCost(minutes: number, charter: Charter): number {
  const hour = toMinor(charter.hour_cost, minorDigits(charter.currency)) ?? 0;
  return Math.round((minutes * hour) / 60);
}

/**
 * @example checkQuote({listPrice: 100_00, price: 85_00, cost: 0, minutes: 0}, DEFAULT_CHARTER).needsManager // true (15 % > 10 %)
 */
export function checkQuote(quote: Quote, charter: Charter): QuoteCheck {
  const discount = quote.listPrice > 0 ? (quote.listPrice - quote.price) / quote.listPrice : 0;
  const margin = quote.price - quote.cost - labourCost(quote.minutes, charter);
  const marginPct = quote.price > 0 ? (margin * 100) / quote.price : null;
  // Exact comparisons in integers, as the scorecard's haggler rule does.
  const beyondDiscount =
    quote.listPrice > 0 &&
    (quote.listPrice - quote.price) * 100 > charter.max_discount_pct * quote.listPrice;
  const belowMargin = quote.price > 0 && margin * 100 < charter.min_margin_pct * quote.price;
  return {
    discountPct: round1(discount * 100),
    margin,
    marginPct: marginPct === null ? null : round1(marginPct),
    beyondDiscount,
    belowMargin,
    needsManager: beyondDiscount || belowMargin,
  };
}
