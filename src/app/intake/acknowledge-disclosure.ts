/**
 * Disclosures (risks) on an order, and their acknowledgement at the counter: the customer
 * types their name or signs on the pad. A disclosure acknowledged stays so; adding one to an
 * order puts acceptance on hold until it is acknowledged too.
 */
import { AppError } from "../../domain/errors.ts";
import { riskCode } from "../../domain/intake/catalogue.ts";
import type { IntakeDisclosure } from "../../domain/intake/intake-order.ts";
import {
  acknowledgeDisclosureRow,
  insertDisclosure,
  listDisclosures,
} from "../../store/intake-order-repository.ts";
import {
  type IntakeContext,
  inTransaction,
  newId,
  nowOf,
  requireOpen,
  requireOrder,
} from "./intake-support.ts";

export async function addDisclosure(
  ctx: IntakeContext,
  orderId: string,
  risk: { code?: string; text: string },
): Promise<IntakeDisclosure> {
  return inTransaction(ctx.store, async (db) => {
    const order = await requireOrder(db, ctx.org.id, orderId);
    requireOpen(order, "add a disclosure");
    const existing = await listDisclosures(db, ctx.org.id, orderId);
    const disclosure: IntakeDisclosure = {
      id: newId("d"),
      orderId,
      code: risk.code ?? riskCode(risk.text),
      text: risk.text,
      acknowledgedAt: null,
      acknowledgedBy: null,
      acknowledgedVia: null,
    };
    await insertDisclosure(db, ctx.org.id, disclosure, existing.length);
    return disclosure;
  });
}

export interface CounterAcknowledgement {
  /** The name the customer typed. */
  name?: string;
  /** A drawn signature, as a data URL (`data:image/png;base64,...`). */
  signature?: string;
}

export async function acknowledgeDisclosure(
  ctx: IntakeContext,
  orderId: string,
  disclosureId: string,
  ack: CounterAcknowledgement,
): Promise<IntakeDisclosure> {
  const name = ack.name?.trim();
  if (!name && !ack.signature) {
    throw new AppError("BAD_INPUT", "name: the customer types their name or signs");
  }
  return inTransaction(ctx.store, async (db) => {
    const order = await requireOrder(db, ctx.org.id, orderId);
    requireOpen(order, "acknowledge a disclosure");
    const disclosure = (await listDisclosures(db, ctx.org.id, orderId)).find(
      (d) => d.id === disclosureId,
    );
    if (!disclosure)
      throw new AppError(
        "NOT_FOUND",
        `disclosureId: no disclosure "${disclosureId}" on order ${orderId}`,
      );
    if (disclosure.acknowledgedAt !== null) return disclosure;
    const at = nowOf(ctx);
    const by = name || "signature";
    await acknowledgeDisclosureRow(db, ctx.org.id, disclosureId, {
      at,
      by,
      via: "counter",
      signature: ack.signature,
    });
    return {
      ...disclosure,
      acknowledgedAt: at,
      acknowledgedBy: by,
      acknowledgedVia: "counter",
      signature: ack.signature ?? null,
    };
  });
}
