/**
 * Ledger facts about an accepted order as they happen: time spent (`time`, the member who
 * records it as its staff, as the timer and manual entries of src/app/time do), an extra round
 * of changes asked by the customer (`revision`), inputs we had to ask for again (`chase`).
 */
import { AppError } from "../../domain/errors.ts";
import type { Fact, TimeActivity } from "../../domain/facts.ts";
import { chaseFact, revisionFact, timeFact } from "../../domain/intake/intake-facts.ts";
import { insertFact } from "../../store/fact-repository.ts";
import { memberStaff } from "../time/time-support.ts";
import { type IntakeContext, inTransaction, newId, nowOf, requireOrder } from "./intake-support.ts";

export type OrderActivity =
  | { kind: "time"; minutes: number; activity: TimeActivity }
  | { kind: "revision"; text?: string }
  | { kind: "chase"; text?: string };

export async function recordOrderActivity(
  ctx: IntakeContext,
  orderId: string,
  input: OrderActivity,
): Promise<Fact> {
  return inTransaction(ctx.store, async (db, facts) => {
    const order = await requireOrder(db, ctx.org.id, orderId);
    const base = { at: nowOf(ctx), customer: order.customer, order: orderId };
    // Revisions and time belong to work that exists in the ledger: after acceptance.
    if (input.kind !== "chase" && order.acceptedAt === null) {
      throw new AppError(
        "ORDER_TRANSITION_INVALID",
        `status: order ${orderId} is ${order.status}; accept it first`,
      );
    }
    const fact =
      input.kind === "time"
        ? timeFact({
            ...base,
            id: newId("t"),
            minutes: input.minutes,
            activity: input.activity,
            ...memberStaff(ctx.actor),
          })
        : input.kind === "revision"
          ? revisionFact({ ...base, id: newId("rv"), text: input.text })
          : order.acceptedAt !== null
            ? chaseFact({ ...base, id: newId("ch"), text: input.text })
            : // Before acceptance the order is not in the ledger yet: name it under extra only.
              {
                ...chaseFact({ ...base, id: newId("ch"), text: input.text }),
                order: undefined,
                extra: { intake_order: orderId },
              };
    await insertFact(facts, ctx.org.id, fact);
    return fact;
  });
}
