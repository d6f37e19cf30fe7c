/**
 * Puts a quote on an order, checked against the charter: beyond `max_discount_pct` or below
 * `min_margin_pct` it needs a manager. Staff are refused (QUOTE_NEEDS_MANAGER); a manager
 * must say so explicitly (`managerConfirmed`, else QUOTE_NEEDS_CONFIRMATION), and is recorded
 * as the one who confirmed it.
 */
import type { Charter } from "../domain/charter.ts";
import { AppError } from "../domain/errors.ts";
import type { IntakeOrder } from "../domain/intake/intake-order.ts";
import { checkQuote, type QuoteCheck } from "../domain/intake/quote-check.ts";
import { canConfirmQuote, canSeeCosts } from "../domain/policies.ts";
import type { IntakeActor } from "./intake-support.ts";

export interface QuoteInput {
  /** Minor units; list price defaults to the price. */
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

/** @example applyQuote(order, {price: 80_00, listPrice: 100_00}, charter, staff) // throws QUOTE_NEEDS_MANAGER */
export function applyQuote(
  order: IntakeOrder,
  input: QuoteInput,
  charter: Charter,
  actor: IntakeActor,
): IntakeOrder {
  if (input.cost !== undefined && !canSeeCosts(actor.role)) {
    throw new AppError("FORBIDDEN", `cost: role ${actor.role} may not set the materials cost`);
  }
  const listPrice = input.listPrice ?? input.price;
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
