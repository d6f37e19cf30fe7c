/**
 * Changes an order before acceptance: its description, observations, advice, deposit, due
 * date, and its quote (checked against the charter, see apply-quote.ts).
 */
import type { AdviceKind, IntakeOrder, Observations } from "../../domain/intake/intake-order.ts";
import { findService } from "../../store/catalogue-repository.ts";
import { saveOrder } from "../../store/intake-order-repository.ts";
import { applyQuote, type QuoteInput } from "./apply-quote.ts";
import {
  charterOf,
  type IntakeContext,
  inTransaction,
  refreshOpenStatus,
  requireOpen,
  requireOrder,
} from "./intake-support.ts";

export interface UpdateIntakeInput {
  item?: string;
  observations?: Observations;
  advice?: { kind: AdviceKind; text?: string } | null;
  deposit?: number;
  due?: number | null;
  includedRevisions?: number;
  warrantyDays?: number;
  quote?: QuoteInput;
}

export async function updateIntakeOrder(
  ctx: IntakeContext,
  id: string,
  input: UpdateIntakeInput,
): Promise<IntakeOrder> {
  const charter = await charterOf(ctx);
  return inTransaction(ctx.store, async (db, trx) => {
    let order = await requireOrder(db, ctx.org.id, id);
    requireOpen(order, "change it");
    const { quote, ...fields } = input;
    order = { ...order };
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) (order as unknown as Record<string, unknown>)[key] = value;
    }
    if (quote) {
      // The catalogue's price as it is now: the reference the discount is measured from.
      const service = order.serviceId
        ? await findService(trx, ctx.org.id, order.serviceId)
        : undefined;
      order = applyQuote(order, quote, charter, ctx.actor, service?.price ?? null);
    }
    order = await refreshOpenStatus(db, ctx.org.id, order);
    await saveOrder(db, ctx.org.id, order);
    return order;
  });
}
