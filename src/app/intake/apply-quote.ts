/**
 * Puts a quote on an order, checked against the charter: beyond `max_discount_pct` or below
 * `min_margin_pct` it needs a manager. Staff are refused (QUOTE_NEEDS_MANAGER); a manager
 * must say so explicitly (`managerConfirmed`, else QUOTE_NEEDS_CONFIRMATION), and is recorded
 * as the one who confirmed it.
 *
 * The list price the discount is measured from defaults to the catalogue service's price
 * (else to the agreed price, when the order has no catalogue service). Staff may raise it but
 * never set it below the catalogue's price: otherwise lowering the list price would hide a
 * discount from the manager's check. Managers and owners may set any list price.
 */
import type { Charter } from "../../domain/charter.ts";
import { AppError } from "../../domain/errors.ts";
import type { IntakeOrder } from "../../domain/intake/intake-order.ts";
import { checkQuote, type QuoteCheck } from "../../domain/intake/quote-check.ts";
import { fromMinor, minorDigits } from "../../domain/money.ts";
import { canConfirmQuote, canSeeCosts } from "../../domain/policies.ts";
import type { IntakeActor } from "./intake-support.ts";

export interface QuoteInput {
  /** Minor units; defaults to the catalogue price, else to the price. */
  listPrice?: number;
  price: number;
  /** Materials, minor units (managers and owners only; staff get the catalogue's). */
  cost?: number;
  managerConfirmed?: boolean;
}

function describe(check: QuoteCheck, charter: Charter): string {
  const parts: string[] = [];
  if (check.beyondDiscount)
    parts.push(
      `discount ${check.discountPct} % is above the charter's ${charter.max_discount_pct} %`,
    );
  if (check.belowMargin)
    parts.push(
      `expected margin ${check.marginPct} % is below the charter's ${charter.min_margin_pct} %`,
    );
  return parts.join("; ");
}

/**
 * @param cataloguePrice the order's catalogue service's price (minor units), null without one.
 * @example applyQuote(order, {price: 12_00}, charter, staff, 14_00) // throws QUOTE_NEEDS_MANAGER (14.3 %)
 */
export function applyQuote(
  order: IntakeOrder,
  input: QuoteInput,
  charter: Charter,
  actor: IntakeActor,
  cataloguePrice: number | null,
): IntakeOrder {
  if (input.cost !== undefined && !canSeeCosts(actor.role)) {
    throw new AppError("FORBIDDEN", `cost: role ${actor.role} may not set the materials cost`);
  }
  const listPrice = input.listPrice ?? cataloguePrice ?? input.price;
  if (cataloguePrice !== null && listPrice < cataloguePrice && !canConfirmQuote(actor.role)) {
    const shown = fromMinor(cataloguePrice, minorDigits(charter.currency));
    throw new AppError(
      "FORBIDDEN",
      `listPrice: role ${actor.role} may not set a list price below the catalogue price (${shown} ${charter.currency}); ask a manager`,
    );
  }
  if (input.price > listPrice) {
    throw new AppError("BAD_INPUT", "price: must not be above the list price");
  }
  const cost = input.cost ?? order.cost;
  const check = checkQuote(
    { listPrice, price: input.price, cost, minutes: order.minutes },
    charter,
  );
  let confirmedBy: string | null = null;
  if (check.needsManager) {
    if (!canConfirmQuote(actor.role)) {
      throw new AppError(
        "QUOTE_NEEDS_MANAGER",
        `price: ${describe(check, charter)}; a manager must confirm this quote`,
        [{ field: "price", reason: describe(check, charter) }],
      );
    }
    if (!input.managerConfirmed) {
      throw new AppError(
        "QUOTE_NEEDS_CONFIRMATION",
        `managerConfirmed: ${describe(check, charter)}; send managerConfirmed: true to confirm`,
      );
    }
    confirmedBy = actor.userId;
  }
  return { ...order, listPrice, price: input.price, cost, quoteConfirmedBy: confirmedBy };
}
