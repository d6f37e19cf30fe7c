/**
 * Takes an order at the counter: the customer (existing, or new: a customer fact is written),
 * the item, what the professional observed, the risks that apply (from the catalogue or
 * written), open questions, advice, and optionally the quote, deposit and due date. Defaults
 * come from the catalogue's service, then from the charter.
 */

import { AppError } from "../../domain/errors.ts";
import type { CustomerFact } from "../../domain/facts.ts";
import { riskCode } from "../../domain/intake/catalogue.ts";
import type { AdviceKind, IntakeOrder, Observations } from "../../domain/intake/intake-order.ts";
import { canRecordFacts } from "../../domain/policies.ts";
import { findService } from "../../store/catalogue-repository.ts";
import { findFact, insertFact } from "../../store/fact-repository.ts";
import {
  insertDisclosure,
  insertOrder,
  insertQuestion,
  saveOrder,
} from "../../store/intake-order-repository.ts";
import { applyQuote, type QuoteInput } from "./apply-quote.ts";
import {
  charterOf,
  type IntakeContext,
  inTransaction,
  newId,
  nowOf,
  refreshOpenStatus,
} from "./intake-support.ts";

export interface NewCustomerInput {
  id?: string;
  name: string;
  email?: string;
  phone?: string;
  kind?: "person" | "business";
  lang?: string;
}

export interface CreateIntakeInput {
  customer: { id: string } | { new: NewCustomerInput };
  serviceId?: string;
  /** A service code when no catalogue entry is used. */
  service?: string;
  item: string;
  observations?: Observations;
  /** Risks disclosed to the customer: a catalogue risk's code and text, or free text. */
  risks?: { code?: string; text: string }[];
  questions?: string[];
  advice?: { kind: AdviceKind; text?: string };
  quote?: QuoteInput;
  /** Minor units. */
  deposit?: number;
  due?: number;
  includedRevisions?: number;
  warrantyDays?: number;
}

async function resolveCustomer(
  ctx: IntakeContext,
  input: CreateIntakeInput["customer"],
): Promise<CustomerFact | string> {
  if ("id" in input) {
    const existing = await findFact(ctx.store, ctx.org.id, "customer", input.id);
    if (!existing)
      throw new AppError("CUSTOMER_NOT_FOUND", `customer.id: no customer "${input.id}"`);
    return input.id;
  }
  const c = input.new;
  const id = c.id ?? newId("c");
  if (await findFact(ctx.store, ctx.org.id, "customer", id)) {
    throw new AppError("BAD_INPUT", `customer.new.id: a customer "${id}" already exists`);
  }
  const fact: CustomerFact = {
    type: "customer",
    id,
    at: nowOf(ctx),
    name: c.name,
    status: "active",
  };
  if (c.email) fact.email = c.email;
  if (c.phone) fact.phone = c.phone;
  if (c.kind) fact.kind = c.kind;
  if (c.lang) fact.lang = c.lang;
  return fact;
}

/** @example await createIntakeOrder(ctx, {customer: {id: "ana"}, item: "Sandals", risks: [{text: "plastic"}]}) */
export async function createIntakeOrder(
  ctx: IntakeContext,
  input: CreateIntakeInput,
): Promise<IntakeOrder> {
  if (!canRecordFacts(ctx.actor.role)) throw new AppError("FORBIDDEN", "may not record intake");
  const now = nowOf(ctx);
  const charter = await charterOf(ctx);
  const service = input.serviceId
    ? await findService(ctx.store, ctx.org.id, input.serviceId)
    : undefined;
  if (input.serviceId && !service) {
    throw new AppError("BAD_INPUT", `serviceId: no service "${input.serviceId}" in the catalogue`);
  }
  const customer = await resolveCustomer(ctx, input.customer);
  let order: IntakeOrder = {
    id: newId("in"),
    customer: typeof customer === "string" ? customer : customer.id,
    status: "draft",
    serviceId: service?.id ?? null,
    service: service?.code ?? input.service ?? null,
    item: input.item,
    observations: input.observations ?? {},
    advice: input.advice ?? null,
    listPrice: null,
    price: null,
    cost: service?.cost ?? 0,
    minutes: service?.minutes ?? 0,
    deposit: input.deposit ?? 0,
    due: input.due ?? null,
    includedRevisions:
      input.includedRevisions ?? service?.includedRevisions ?? charter.included_revisions,
    warrantyDays: input.warrantyDays ?? service?.warrantyDays ?? charter.warranty_days,
    quoteConfirmedBy: null,
    redoOf: null,
    declineReason: null,
    createdBy: ctx.actor.userId,
    createdAt: now,
    acceptedAt: null,
    deliveredAt: null,
    closedAt: null,
    declinedAt: null,
  };
  if (input.quote)
    order = applyQuote(order, input.quote, charter, ctx.actor, service?.price ?? null);
  return inTransaction(ctx.store, async (db, facts) => {
    if (typeof customer !== "string") await insertFact(facts, ctx.org.id, customer);
    await insertOrder(db, ctx.org.id, order);
    for (const [i, risk] of (input.risks ?? []).entries()) {
      await insertDisclosure(
        db,
        ctx.org.id,
        {
          id: newId("d"),
          orderId: order.id,
          code: risk.code ?? riskCode(risk.text),
          text: risk.text,
          acknowledgedAt: null,
          acknowledgedBy: null,
          acknowledgedVia: null,
        },
        i,
      );
    }
    for (const text of input.questions ?? []) {
      await insertQuestion(db, ctx.org.id, {
        id: newId("q"),
        orderId: order.id,
        text,
        askedAt: now,
        answer: null,
        answeredAt: null,
        answeredVia: null,
        reviewedAt: null,
      });
    }
    const refreshed = await refreshOpenStatus(db, ctx.org.id, order);
    await saveOrder(db, ctx.org.id, refreshed);
    return refreshed;
  });
}
