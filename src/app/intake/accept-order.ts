/**
 * Accepts an order: refused (ACCEPTANCE_BLOCKED, each blocker listed) while a question is
 * open, a disclosure unacknowledged, the quote missing or waiting for a manager, or the advice
 * is to decline (change the advice to accept anyway). Accepted, it
 * becomes the ledger's `order` fact, with every disclosure and the time it was acknowledged,
 * and its deposit, if it takes one, a deposit invoice (docs/invoicing.md).
 */

import type { Charter } from "../../domain/charter.ts";
import { AppError } from "../../domain/errors.ts";
import {
  acceptanceBlockers,
  type Blocker,
  describeBlockers,
} from "../../domain/intake/acceptance-blockers.ts";
import { acceptedOrderFact } from "../../domain/intake/intake-facts.ts";
import type { IntakeOrder } from "../../domain/intake/intake-order.ts";
import { isQuoted } from "../../domain/intake/intake-order.ts";
import { checkQuote } from "../../domain/intake/quote-check.ts";
import { insertFact } from "../../store/fact-repository.ts";
import { listDisclosures, listQuestions, saveOrder } from "../../store/intake-order-repository.ts";
import type { IntakeDb } from "../../store/intake-schema.ts";
import { issueDepositForOrder } from "../invoices/issue-deposit.ts";
import {
  charterOf,
  type IntakeContext,
  inTransaction,
  nowOf,
  orgLang,
  requireOrder,
} from "./intake-support.ts";

/** The blockers of an order as it stands (for the detail view and for acceptance). */
export async function blockersOf(
  db: IntakeDb,
  orgId: string,
  order: IntakeOrder,
  charter: Charter,
): Promise<Blocker[]> {
  const quoted = isQuoted(order);
  const needsManager =
    quoted &&
    order.quoteConfirmedBy === null &&
    checkQuote(
      {
        listPrice: order.listPrice ?? 0,
        price: order.price ?? 0,
        cost: order.cost,
        minutes: order.minutes,
      },
      charter,
    ).needsManager;
  return acceptanceBlockers({
    status: order.status,
    questions: (await listQuestions(db, orgId, order.id)).map((q) => ({
      id: q.id,
      answeredAt: q.answeredAt,
    })),
    disclosures: (await listDisclosures(db, orgId, order.id)).map((d) => ({
      id: d.id,
      acknowledgedAt: d.acknowledgedAt,
    })),
    quoted,
    quoteNeedsManager: needsManager,
    advice: order.advice?.kind ?? null,
  });
}

export async function acceptOrder(ctx: IntakeContext, id: string): Promise<IntakeOrder> {
  const charter = await charterOf(ctx);
  return inTransaction(ctx.store, async (db, facts) => {
    const order = await requireOrder(db, ctx.org.id, id);
    const blockers = await blockersOf(db, ctx.org.id, order, charter);
    if (blockers.length > 0) {
      throw new AppError(
        "ACCEPTANCE_BLOCKED",
        `status: order ${id} cannot be accepted: ${describeBlockers(blockers, orgLang(ctx.org))}`,
        blockers.map((b) => ({ field: b.code, reason: b.ref ?? "" })),
      );
    }
    const at = nowOf(ctx);
    const accepted: IntakeOrder = { ...order, status: "accepted", acceptedAt: at };
    await insertFact(
      facts,
      ctx.org.id,
      acceptedOrderFact(accepted, await listDisclosures(db, ctx.org.id, id), at),
    );
    await saveOrder(db, ctx.org.id, accepted);
    // The deposit taken at intake becomes a deposit invoice, numbered now (issue 16).
    if (accepted.deposit > 0) {
      await issueDepositForOrder(
        facts,
        ctx.org,
        charter,
        accepted,
        ctx.actor.userId,
        at,
        orgLang(ctx.org),
      );
    }
    return accepted;
  });
}
