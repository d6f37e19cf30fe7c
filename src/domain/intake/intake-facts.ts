/**
 * Which ledger facts each intake step appends (spec section 1). Facts are never edited: a
 * later change (the delivery date, a complaint's resolution) is a NEW fact with its own id
 * (`<id>~delivered`, `<id>~resolved`) carrying the full corrected content and
 * `extra.corrects: "<original id>"`. The correction keeps the original's `at`, so that a
 * reader that replaces the original by its correction sees the same dates.
 */
import type {
  ChaseFact,
  ComplaintFact,
  Fault,
  OrderFact,
  REMEDIES,
  RETURN_KINDS,
  ReturnFact,
  RevisionFact,
  TimeActivity,
  TimeFact,
} from "../facts.ts";
import type { IntakeDisclosure, IntakeOrder } from "./intake-order.ts";

/** The `order` fact written when the order is accepted (a redo names the order it redoes). */
export function acceptedOrderFact(
  order: IntakeOrder,
  disclosures: readonly IntakeDisclosure[],
  acceptedAt: number,
): OrderFact {
  const fact: OrderFact = {
    type: "order",
    id: order.id,
    at: acceptedAt,
    customer: order.customer,
    price: order.price ?? 0,
    list_price: order.listPrice ?? order.price ?? 0,
    cost: order.cost,
    description: order.item,
    included_revisions: order.includedRevisions,
    warranty_days: order.warrantyDays,
  };
  if (order.service) fact.service = order.service;
  if (order.due !== null) fact.due = order.due;
  if (disclosures.length > 0) {
    fact.disclosures = disclosures.map((d) =>
      d.acknowledgedAt === null
        ? { code: d.code, text: d.text }
        : { code: d.code, text: d.text, acknowledged_at: d.acknowledgedAt },
    );
  }
  if (order.redoOf) fact.extra = { redo_of: order.redoOf };
  return fact;
}

export const correctionId = (id: string, what: "delivered" | "resolved") => `${id}~${what}`;

/** The order as delivered: a new fact correcting the accepted one. */
export function deliveredOrderFact(accepted: OrderFact, deliveredAt: number): OrderFact {
  return {
    ...accepted,
    id: correctionId(accepted.id, "delivered"),
    delivered: deliveredAt,
    extra: { ...accepted.extra, corrects: accepted.id },
  };
}

/**
 * A complaint as opened: no fault yet, so it never counts against anyone before it is
 * resolved (the resolution carries fault and remedy).
 */
export function openedComplaintFact(input: {
  id: string;
  at: number;
  customer: string;
  order: string | null;
  text: string;
}): ComplaintFact {
  const fact: ComplaintFact = {
    type: "complaint",
    id: input.id,
    at: input.at,
    customer: input.customer,
    text: input.text,
  };
  if (input.order) fact.order = input.order;
  return fact;
}

export interface Resolution {
  fault: Fault;
  faultReason?: string;
  remedy: (typeof REMEDIES)[number];
  /** Minor units; 0 for a redo or none. */
  remedyAmount: number;
  /** What we told the customer (required for `none`). */
  explanation?: string;
  /** Code of the disclosure that covered the problem, if one did. */
  disclosure?: string;
  redoOrder?: string;
  firstResponse: number;
  resolved: number;
}

/** The resolved complaint, correcting the opened one. */
export function resolvedComplaintFact(opened: ComplaintFact, r: Resolution): ComplaintFact {
  const extra: Record<string, unknown> = { ...opened.extra, corrects: opened.id };
  if (r.faultReason) extra.fault_reason = r.faultReason;
  if (r.explanation) extra.explanation = r.explanation;
  if (r.disclosure) extra.disclosure = r.disclosure;
  if (r.redoOrder) extra.redo_order = r.redoOrder;
  return {
    ...opened,
    id: correctionId(opened.id, "resolved"),
    first_response: r.firstResponse,
    resolved: r.resolved,
    fault: r.fault,
    remedy: r.remedy,
    remedy_amount: r.remedyAmount,
    extra,
  };
}

export function returnFact(input: {
  id: string;
  at: number;
  customer: string;
  order: string;
  kind: (typeof RETURN_KINDS)[number];
  warrantyEnd: number;
  reason?: string;
}): ReturnFact {
  const fact: ReturnFact = {
    type: "return",
    id: input.id,
    at: input.at,
    customer: input.customer,
    order: input.order,
    kind: input.kind,
    warranty_end: input.warrantyEnd,
  };
  if (input.reason) fact.reason = input.reason;
  return fact;
}

/**
 * A `time` fact. `staff` is the member's name as people read it in an export; `staffUser`,
 * their user id, goes under the unknown field `staff_user` (docs/time.md), so that the entry
 * names the member even after a change of name.
 */
export function timeFact(input: {
  id: string;
  at: number;
  customer: string;
  order?: string;
  minutes: number;
  activity: TimeActivity;
  staff?: string;
  staffUser?: string;
}): TimeFact {
  const { staff, staffUser, order, ...rest } = input;
  const fact: TimeFact = { type: "time", ...rest };
  if (order) fact.order = order;
  if (staff) fact.staff = staff;
  if (staffUser) fact.extra = { staff_user: staffUser };
  return fact;
}

export function revisionFact(input: {
  id: string;
  at: number;
  customer: string;
  order: string;
  text?: string;
}): RevisionFact {
  return { type: "revision", ...input };
}

export function chaseFact(input: {
  id: string;
  at: number;
  customer: string;
  order: string;
  text?: string;
}): ChaseFact {
  return { type: "chase", ...input };
}
