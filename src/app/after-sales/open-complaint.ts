/**
 * Opens a complaint, from an order (taken at the counter or imported) or from a customer. It
 * enters the inbox until its first response; the ledger gets a complaint fact without a fault
 * (the resolution attributes it). The order's disclosures come back with it, so whoever
 * handles it sees what the customer was told and acknowledged.
 */

import { AppError } from "../../domain/errors.ts";
import type { Disclosure, OrderFact } from "../../domain/facts.ts";
import { openedComplaintFact } from "../../domain/intake/intake-facts.ts";
import type { Store } from "../../store/database.ts";
import { findFact, insertFact } from "../../store/fact-repository.ts";
import { type Complaint, insertComplaint } from "../../store/intake-complaint-repository.ts";
import { findOrder, listDisclosures } from "../../store/intake-order-repository.ts";
import type { IntakeDb } from "../../store/intake-schema.ts";
import { type IntakeContext, inTransaction, newId, nowOf } from "../intake/intake-support.ts";

export interface OpenComplaintInput {
  order?: string;
  customer?: string;
  text: string;
}

/**
 * What the customer was told about an order: the intake's disclosures, or those of the
 * ledger's order fact (the latest correction wins) for an imported order.
 */
export async function orderDisclosures(
  db: IntakeDb,
  facts: Store,
  orgId: string,
  orderId: string,
): Promise<Disclosure[]> {
  const intake = await findOrder(db, orgId, orderId);
  if (intake) {
    return (await listDisclosures(db, orgId, orderId)).map((d) =>
      d.acknowledgedAt === null
        ? { code: d.code, text: d.text }
        : { code: d.code, text: d.text, acknowledged_at: d.acknowledgedAt },
    );
  }
  const fact =
    (await findFact(facts, orgId, "order", `${orderId}~delivered`)) ??
    (await findFact(facts, orgId, "order", orderId));
  return (fact as OrderFact | undefined)?.disclosures ?? [];
}

/** The customer of an order (intake first, then the ledger), or NOT_FOUND. */
export async function orderCustomer(
  db: IntakeDb,
  facts: Store,
  orgId: string,
  orderId: string,
): Promise<string> {
  const intake = await findOrder(db, orgId, orderId);
  if (intake) return intake.customer;
  const fact = await findFact(facts, orgId, "order", orderId);
  if (fact?.type !== "order")
    throw new AppError("NOT_FOUND", `order: no order "${orderId}" in this organization`);
  return fact.customer;
}

export async function openComplaint(
  ctx: IntakeContext,
  input: OpenComplaintInput,
): Promise<{ complaint: Complaint; disclosures: Disclosure[] }> {
  if (!input.order && !input.customer)
    throw new AppError("BAD_INPUT", "order: name the order or the customer");
  return inTransaction(ctx.store, async (db, facts) => {
    let customer = input.customer;
    if (input.order) {
      const owner = await orderCustomer(db, facts, ctx.org.id, input.order);
      if (customer && customer !== owner) {
        throw new AppError(
          "BAD_INPUT",
          `customer: order ${input.order} belongs to another customer`,
        );
      }
      customer = owner;
    } else if (!(await findFact(facts, ctx.org.id, "customer", customer as string))) {
      throw new AppError("CUSTOMER_NOT_FOUND", `customer: no customer "${customer}"`);
    }
    const complaint: Complaint = {
      id: newId("k"),
      customer: customer as string,
      orderId: input.order ?? null,
      text: input.text,
      openedBy: ctx.actor.userId,
      openedAt: nowOf(ctx),
      firstResponseAt: null,
      firstResponseText: null,
      resolvedAt: null,
      fault: null,
      faultReason: null,
      disclosureCode: null,
      remedy: null,
      remedyAmount: null,
      explanation: null,
      redoOrderId: null,
    };
    await insertComplaint(db, ctx.org.id, complaint);
    await insertFact(
      facts,
      ctx.org.id,
      openedComplaintFact({
        id: complaint.id,
        at: complaint.openedAt,
        customer: complaint.customer,
        order: complaint.orderId,
        text: complaint.text,
      }),
    );
    const disclosures = input.order
      ? await orderDisclosures(db, facts, ctx.org.id, input.order)
      : [];
    return { complaint, disclosures };
  });
}
