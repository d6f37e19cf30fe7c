/**
 * Moves an accepted order along: in_progress, ready, delivered, closed, one step at a time;
 * or declines it before acceptance. Delivery appends a new `order` fact correcting the
 * accepted one with its `delivered` instant (the warranty runs from it).
 */
import { AppError } from "../../domain/errors.ts";
import type { OrderFact } from "../../domain/facts.ts";
import { deliveredOrderFact } from "../../domain/intake/intake-facts.ts";
import type { IntakeOrder } from "../../domain/intake/intake-order.ts";
import { type AdvanceTarget, canAdvance, canDecline } from "../../domain/intake/order-status.ts";
import { findFact, insertFact } from "../../store/fact-repository.ts";
import { saveOrder } from "../../store/intake-order-repository.ts";
import { type IntakeContext, inTransaction, nowOf, requireOrder } from "./intake-support.ts";

export async function advanceOrder(
  ctx: IntakeContext,
  id: string,
  to: AdvanceTarget,
): Promise<IntakeOrder> {
  return inTransaction(ctx.store, async (db, facts) => {
    const order = await requireOrder(db, ctx.org.id, id);
    if (!canAdvance(order.status, to)) {
      throw new AppError(
        "ORDER_TRANSITION_INVALID",
        `to: order ${id} is ${order.status}; it cannot become ${to}`,
      );
    }
    const at = nowOf(ctx);
    const next: IntakeOrder = { ...order, status: to };
    if (to === "delivered") {
      next.deliveredAt = at;
      const accepted = (await findFact(facts, ctx.org.id, "order", id)) as OrderFact | undefined;
      if (accepted) await insertFact(facts, ctx.org.id, deliveredOrderFact(accepted, at));
    }
    if (to === "closed") next.closedAt = at;
    await saveOrder(db, ctx.org.id, next);
    return next;
  });
}

export async function declineOrder(
  ctx: IntakeContext,
  id: string,
  reason: string,
): Promise<IntakeOrder> {
  return inTransaction(ctx.store, async (db) => {
    const order = await requireOrder(db, ctx.org.id, id);
    if (!canDecline(order.status)) {
      throw new AppError(
        "ORDER_TRANSITION_INVALID",
        `status: order ${id} is ${order.status}; it can no longer be declined`,
      );
    }
    const declined: IntakeOrder = {
      ...order,
      status: "declined",
      declinedAt: nowOf(ctx),
      declineReason: reason,
    };
    await saveOrder(db, ctx.org.id, declined);
    return declined;
  });
}
