/**
 * A complaint's first response (it leaves the inbox) and its resolution: who is at fault and
 * why, the disclosure that covered the problem if one did, and the remedy. A redo is a new,
 * linked zero-price order (accepted at once, its order fact naming the original). The ledger
 * gets a complaint fact correcting the opened one, with fault, remedy and times.
 */
import { AppError } from "../../domain/errors.ts";
import type { ComplaintFact, Fault } from "../../domain/facts.ts";
import { type Remedy, resolutionProblems } from "../../domain/intake/complaint-rules.ts";
import { acceptedOrderFact, resolvedComplaintFact } from "../../domain/intake/intake-facts.ts";
import type { IntakeOrder } from "../../domain/intake/intake-order.ts";
import { findFact, insertFact } from "../../store/fact-repository.ts";
import {
  type Complaint,
  findComplaint,
  saveComplaint,
} from "../../store/intake-complaint-repository.ts";
import {
  findOrder,
  insertDisclosure,
  insertOrder,
  listDisclosures,
} from "../../store/intake-order-repository.ts";
import type { IntakeDb } from "../../store/intake-schema.ts";
import { type IntakeContext, inTransaction, newId, nowOf } from "../intake/intake-support.ts";
import { orderDisclosures } from "./open-complaint.ts";

async function requireComplaint(db: IntakeDb, orgId: string, id: string): Promise<Complaint> {
  const complaint = await findComplaint(db, orgId, id);
  if (!complaint) throw new AppError("NOT_FOUND", `id: no complaint "${id}" in this organization`);
  return complaint;
}

export async function respondToComplaint(
  ctx: IntakeContext,
  id: string,
  text: string,
): Promise<Complaint> {
  return inTransaction(ctx.store, async (db) => {
    const complaint = await requireComplaint(db, ctx.org.id, id);
    if (complaint.resolvedAt !== null)
      throw new AppError("COMPLAINT_CLOSED", `id: complaint ${id} is resolved`);
    if (complaint.firstResponseAt !== null) return complaint;
    const responded = { ...complaint, firstResponseAt: nowOf(ctx), firstResponseText: text };
    await saveComplaint(db, ctx.org.id, responded);
    return responded;
  });
}

export interface ResolveInput {
  fault: Fault;
  faultReason?: string;
  remedy: Remedy;
  /** Minor units. */
  remedyAmount?: number;
  explanation?: string;
  /** Code of the order's disclosure that covered the problem. */
  disclosureCode?: string;
  /** For a redo: when it will be ready. */
  redoDue?: number;
}

/**
 * A redo: the same work again, free, accepted at once and linked to the original. Its
 * materials and estimated minutes are not copied: a redo is our cost of putting things right,
 * never charged to the customer's margin (the scorecard also leaves redo orders out of the
 * customer's orders, see customer-money.ts).
 */
async function createRedo(
  ctx: IntakeContext,
  db: IntakeDb,
  facts: Parameters<typeof insertFact>[0],
  original: IntakeOrder,
  input: ResolveInput,
  at: number,
) {
  const redo: IntakeOrder = {
    ...original,
    id: newId("in"),
    status: "accepted",
    listPrice: 0,
    price: 0,
    cost: 0,
    minutes: 0,
    deposit: 0,
    due: input.redoDue ?? null,
    quoteConfirmedBy: null,
    redoOf: original.id,
    declineReason: null,
    createdBy: ctx.actor.userId,
    createdAt: at,
    acceptedAt: at,
    deliveredAt: null,
    closedAt: null,
    declinedAt: null,
  };
  const disclosures = (await listDisclosures(db, ctx.org.id, original.id)).map((d) => ({
    ...d,
    id: newId("d"),
    orderId: redo.id,
    signature: null,
  }));
  await insertOrder(db, ctx.org.id, redo);
  for (const [i, d] of disclosures.entries()) await insertDisclosure(db, ctx.org.id, d, i);
  await insertFact(facts, ctx.org.id, acceptedOrderFact(redo, disclosures, at));
  return redo;
}

export async function resolveComplaint(
  ctx: IntakeContext,
  id: string,
  input: ResolveInput,
): Promise<Complaint> {
  return inTransaction(ctx.store, async (db, facts) => {
    const complaint = await requireComplaint(db, ctx.org.id, id);
    if (complaint.resolvedAt !== null)
      throw new AppError("COMPLAINT_CLOSED", `id: complaint ${id} is already resolved`);
    const original = complaint.orderId
      ? await findOrder(db, ctx.org.id, complaint.orderId)
      : undefined;
    const problems = resolutionProblems(input, original?.price ?? null);
    if (problems.length > 0) {
      throw new AppError(
        "BAD_INPUT",
        problems.map((p) => `${p.field}: ${p.reason}`).join("; "),
        problems,
      );
    }
    if (input.disclosureCode) {
      const codes = complaint.orderId
        ? (await orderDisclosures(db, facts, ctx.org.id, complaint.orderId)).map((d) => d.code)
        : [];
      if (!codes.includes(input.disclosureCode)) {
        throw new AppError(
          "BAD_INPUT",
          `disclosureCode: the order has no disclosure "${input.disclosureCode}"`,
        );
      }
    }
    if (input.remedy === "redo" && !original) {
      throw new AppError("BAD_INPUT", "remedy: a redo needs an order taken at the counter");
    }
    const at = nowOf(ctx);
    const redo =
      input.remedy === "redo" && original
        ? await createRedo(ctx, db, facts, original, input, at)
        : undefined;
    const resolved: Complaint = {
      ...complaint,
      firstResponseAt: complaint.firstResponseAt ?? at,
      resolvedAt: at,
      fault: input.fault,
      faultReason: input.faultReason ?? null,
      disclosureCode: input.disclosureCode ?? null,
      remedy: input.remedy,
      remedyAmount: input.remedyAmount ?? 0,
      explanation: input.explanation ?? null,
      redoOrderId: redo?.id ?? null,
    };
    await saveComplaint(db, ctx.org.id, resolved);
    const opened = (await findFact(facts, ctx.org.id, "complaint", id)) as ComplaintFact;
    await insertFact(
      facts,
      ctx.org.id,
      resolvedComplaintFact(opened, {
        fault: input.fault,
        faultReason: input.faultReason,
        remedy: input.remedy,
        remedyAmount: resolved.remedyAmount ?? 0,
        explanation: input.explanation,
        disclosure: input.disclosureCode,
        redoOrder: redo?.id,
        firstResponse: resolved.firstResponseAt as number,
        resolved: at,
      }),
    );
    return resolved;
  });
}
