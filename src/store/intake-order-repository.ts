/**
 * Intake orders with their questions and disclosures (workflow state; the ledger gets the
 * facts). Every query takes the organization's id: another organization's order is simply
 * not found. Functions take an IntakeDb so that use cases can run them in a transaction.
 */
import type {
  AdviceKind,
  IntakeDisclosure,
  IntakeOrder,
  IntakeQuestion,
} from "../domain/intake/intake-order.ts";
import type { OrderStatus } from "../domain/intake/order-status.ts";
import {
  fromIso,
  type IntakeDb,
  type IntakeDisclosureTable,
  type IntakeOrderTable,
  type IntakeQuestionTable,
  isoOrNull,
  money,
} from "./intake-schema.ts";

function orderFromRow(r: IntakeOrderTable): IntakeOrder {
  return {
    id: r.id,
    customer: r.customer,
    status: r.status as OrderStatus,
    serviceId: r.service_id,
    service: r.service,
    item: r.item,
    observations: JSON.parse(r.observations),
    advice: r.advice ? (JSON.parse(r.advice) as { kind: AdviceKind; text?: string }) : null,
    listPrice: money(r.list_price),
    price: money(r.price),
    cost: Number(r.cost),
    minutes: r.minutes,
    deposit: Number(r.deposit),
    due: fromIso(r.due),
    includedRevisions: r.included_revisions,
    warrantyDays: r.warranty_days,
    quoteConfirmedBy: r.quote_confirmed_by,
    redoOf: r.redo_of,
    declineReason: r.decline_reason,
    createdBy: r.created_by,
    createdAt: Date.parse(r.created_at),
    acceptedAt: fromIso(r.accepted_at),
    deliveredAt: fromIso(r.delivered_at),
    closedAt: fromIso(r.closed_at),
    declinedAt: fromIso(r.declined_at),
  };
}

function orderToRow(orgId: string, o: IntakeOrder): IntakeOrderTable {
  return {
    id: o.id,
    org_id: orgId,
    customer: o.customer,
    status: o.status,
    service_id: o.serviceId,
    service: o.service,
    item: o.item,
    observations: JSON.stringify(o.observations),
    advice: o.advice ? JSON.stringify(o.advice) : null,
    list_price: o.listPrice,
    price: o.price,
    cost: o.cost,
    minutes: o.minutes,
    deposit: o.deposit,
    due: isoOrNull(o.due),
    included_revisions: o.includedRevisions,
    warranty_days: o.warrantyDays,
    quote_confirmed_by: o.quoteConfirmedBy,
    redo_of: o.redoOf,
    decline_reason: o.declineReason,
    created_by: o.createdBy,
    created_at: new Date(o.createdAt).toISOString(),
    accepted_at: isoOrNull(o.acceptedAt),
    delivered_at: isoOrNull(o.deliveredAt),
    closed_at: isoOrNull(o.closedAt),
    declined_at: isoOrNull(o.declinedAt),
  };
}

export async function insertOrder(db: IntakeDb, orgId: string, order: IntakeOrder): Promise<void> {
  await db.insertInto("intake_orders").values(orderToRow(orgId, order)).execute();
}

/** Writes the whole order back (the use cases change it through pure functions). */
export async function saveOrder(db: IntakeDb, orgId: string, order: IntakeOrder): Promise<void> {
  const { id, org_id, created_at, created_by, ...rest } = orderToRow(orgId, order);
  await db
    .updateTable("intake_orders")
    .set(rest)
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .execute();
}

export async function findOrder(
  db: IntakeDb,
  orgId: string,
  id: string,
): Promise<IntakeOrder | undefined> {
  const row = await db
    .selectFrom("intake_orders")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? orderFromRow(row) : undefined;
}

export async function listOrders(
  db: IntakeDb,
  orgId: string,
  filter: { status?: OrderStatus; customer?: string; limit?: number } = {},
): Promise<IntakeOrder[]> {
  let query = db.selectFrom("intake_orders").selectAll().where("org_id", "=", orgId);
  if (filter.status) query = query.where("status", "=", filter.status);
  if (filter.customer) query = query.where("customer", "=", filter.customer);
  const rows = await query
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(filter.limit ?? 200)
    .execute();
  return rows.map(orderFromRow);
}

// ---------- questions ----------
function questionFromRow(r: IntakeQuestionTable): IntakeQuestion {
  return {
    id: r.id,
    orderId: r.order_id,
    text: r.text,
    askedAt: Date.parse(r.asked_at),
    answer: r.answer,
    answeredAt: fromIso(r.answered_at),
    answeredVia: r.answered_via as IntakeQuestion["answeredVia"],
    reviewedAt: fromIso(r.reviewed_at),
  };
}

export async function insertQuestion(
  db: IntakeDb,
  orgId: string,
  q: IntakeQuestion,
): Promise<void> {
  await db
    .insertInto("intake_questions")
    .values({
      id: q.id,
      org_id: orgId,
      order_id: q.orderId,
      text: q.text,
      asked_at: new Date(q.askedAt).toISOString(),
      answer: q.answer,
      answered_at: isoOrNull(q.answeredAt),
      answered_via: q.answeredVia,
      reviewed_at: isoOrNull(q.reviewedAt),
    })
    .execute();
}

export async function saveQuestion(db: IntakeDb, orgId: string, q: IntakeQuestion): Promise<void> {
  await db
    .updateTable("intake_questions")
    .set({
      answer: q.answer,
      answered_at: isoOrNull(q.answeredAt),
      answered_via: q.answeredVia,
      reviewed_at: isoOrNull(q.reviewedAt),
    })
    .where("org_id", "=", orgId)
    .where("id", "=", q.id)
    .execute();
}

export async function listQuestions(
  db: IntakeDb,
  orgId: string,
  orderId: string,
): Promise<IntakeQuestion[]> {
  const rows = await db
    .selectFrom("intake_questions")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("order_id", "=", orderId)
    .orderBy("asked_at")
    .orderBy("id")
    .execute();
  return rows.map(questionFromRow);
}

/** Answers given by customers through the link that nobody has read yet (the inbox). */
export async function listUnreviewedAnswers(
  db: IntakeDb,
  orgId: string,
): Promise<(IntakeQuestion & { customer: string })[]> {
  const rows = await db
    .selectFrom("intake_questions as q")
    .innerJoin("intake_orders as o", (j) =>
      j.onRef("o.id", "=", "q.order_id").onRef("o.org_id", "=", "q.org_id"),
    )
    .selectAll("q")
    .select("o.customer")
    .where("q.org_id", "=", orgId)
    .where("q.answered_at", "is not", null)
    .where("q.reviewed_at", "is", null)
    .orderBy("q.answered_at")
    .execute();
  return rows.map((r) => ({ ...questionFromRow(r), customer: r.customer }));
}

// ---------- disclosures ----------
function disclosureFromRow(r: IntakeDisclosureTable): IntakeDisclosure {
  return {
    id: r.id,
    orderId: r.order_id,
    code: r.code,
    text: r.text,
    acknowledgedAt: fromIso(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by,
    acknowledgedVia: r.acknowledged_via as IntakeDisclosure["acknowledgedVia"],
    signature: r.signature,
  };
}

export async function insertDisclosure(
  db: IntakeDb,
  orgId: string,
  d: IntakeDisclosure,
  position: number,
): Promise<void> {
  await db
    .insertInto("intake_disclosures")
    .values({
      id: d.id,
      org_id: orgId,
      order_id: d.orderId,
      position,
      code: d.code,
      text: d.text,
      acknowledged_at: isoOrNull(d.acknowledgedAt),
      acknowledged_by: d.acknowledgedBy,
      acknowledged_via: d.acknowledgedVia,
      signature: null,
    })
    .execute();
}

export async function acknowledgeDisclosureRow(
  db: IntakeDb,
  orgId: string,
  id: string,
  ack: { at: number; by: string; via: "counter" | "link"; signature?: string },
): Promise<void> {
  await db
    .updateTable("intake_disclosures")
    .set({
      acknowledged_at: new Date(ack.at).toISOString(),
      acknowledged_by: ack.by,
      acknowledged_via: ack.via,
      signature: ack.signature ?? null,
    })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .execute();
}

export async function listDisclosures(
  db: IntakeDb,
  orgId: string,
  orderId: string,
): Promise<IntakeDisclosure[]> {
  const rows = await db
    .selectFrom("intake_disclosures")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("order_id", "=", orderId)
    .orderBy("position")
    .execute();
  return rows.map(disclosureFromRow);
}
