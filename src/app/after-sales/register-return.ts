/**
 * Registers a return or exchange against the warranty: its end is computed from the delivery
 * (the order's `delivered`, else its date) plus the order's warranty days. A return after the
 * end is refused (WARRANTY_EXPIRED) unless registered as goodwill. The customer's earlier
 * returns come back with it, so the counter sees the history.
 */
import { AppError } from "../../domain/errors.ts";
import type { OrderFact, RETURN_KINDS, ReturnFact } from "../../domain/facts.ts";
import { returnFact } from "../../domain/intake/intake-facts.ts";
import { checkReturn, earlierReturns, type ReturnCheck } from "../../domain/intake/return-rules.ts";
import type { Store } from "../../store/database.ts";
import { findFact, insertFact, listCustomerFacts } from "../../store/fact-repository.ts";
import { findOrder } from "../../store/intake-order-repository.ts";
import {
  charterOf,
  type IntakeContext,
  inTransaction,
  newId,
  nowOf,
} from "../intake/intake-support.ts";

export interface ReturnInput {
  order: string;
  kind: (typeof RETURN_KINDS)[number];
  reason?: string;
  /** Accept it after the warranty end anyway (the fact keeps the true warranty end). */
  goodwill?: boolean;
}

export async function customerReturns(
  store: Store,
  orgId: string,
  customer: string,
  before = Date.now(),
): Promise<ReturnFact[]> {
  const facts = await listCustomerFacts(store, orgId, customer);
  return earlierReturns(
    facts.filter((f): f is ReturnFact => f.type === "return"),
    before,
  );
}

export async function registerReturn(
  ctx: IntakeContext,
  input: ReturnInput,
): Promise<{ fact: ReturnFact; check: ReturnCheck; earlier: ReturnFact[] }> {
  const charter = await charterOf(ctx);
  const at = nowOf(ctx);
  return inTransaction(ctx.store, async (db, facts) => {
    const intake = await findOrder(db, ctx.org.id, input.order);
    let order: Pick<OrderFact, "at" | "delivered" | "warranty_days"> & { customer: string };
    if (intake) {
      if (intake.deliveredAt === null || intake.acceptedAt === null) {
        throw new AppError(
          "ORDER_NOT_DELIVERED",
          `order: order ${input.order} is ${intake.status}`,
        );
      }
      order = {
        customer: intake.customer,
        at: intake.acceptedAt,
        delivered: intake.deliveredAt,
        warranty_days: intake.warrantyDays,
      };
    } else {
      const fact =
        (await findFact(facts, ctx.org.id, "order", `${input.order}~delivered`)) ??
        (await findFact(facts, ctx.org.id, "order", input.order));
      if (fact?.type !== "order")
        throw new AppError("NOT_FOUND", `order: no order "${input.order}" in this organization`);
      order = fact;
    }
    const check = checkReturn(order, at, charter.warranty_days);
    if (!check.within && !input.goodwill) {
      throw new AppError(
        "WARRANTY_EXPIRED",
        `order: the warranty ended on ${new Date(check.warrantyEnd).toISOString().slice(0, 10)} (${-check.daysLeft} days ago)`,
      );
    }
    const earlier = earlierReturns(
      (await listCustomerFacts(facts, ctx.org.id, order.customer)).filter(
        (f): f is ReturnFact => f.type === "return",
      ),
      at,
    );
    const fact = returnFact({
      id: newId("r"),
      at,
      customer: order.customer,
      order: input.order,
      kind: input.kind,
      warrantyEnd: check.warrantyEnd,
      reason: input.reason,
    });
    if (input.goodwill && !check.within) fact.extra = { goodwill: true };
    await insertFact(facts, ctx.org.id, fact);
    return { fact, check, earlier };
  });
}
