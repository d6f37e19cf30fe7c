/**
 * Presenters of the intake routes: minor units to decimal numbers, epoch ms to ISO text, and
 * what staff may not see (materials cost, margins, remedy amounts) left out.
 */
import type { FastifyRequest } from "fastify";
import type { IntakeDetail } from "../../../app/intake/get-intake-order.ts";
import type { IntakeContext } from "../../../app/intake/intake-support.ts";
import { AppError } from "../../../domain/errors.ts";
import type { ReturnFact } from "../../../domain/facts.ts";
import type { CustomerWarning } from "../../../domain/intake/customer-warning.ts";
import type { IntakeOrder } from "../../../domain/intake/intake-order.ts";
import {
  ADVANCE_TARGETS,
  canAdvance,
  canDecline,
  isOpen,
} from "../../../domain/intake/order-status.ts";
import { responseTarget } from "../../../domain/intake/response-target.ts";
import { warrantyEnd } from "../../../domain/intake/warranty-end.ts";
import { fromMinor, minorDigits, toMinor } from "../../../domain/money.ts";
import { canConfirmQuote, canSeeCosts } from "../../../domain/policies.ts";
import type { Store } from "../../../store/database.ts";
import type { Complaint } from "../../../store/intake-complaint-repository.ts";
import type { OrgAccess } from "../../org-access.ts";

export function intakeContext(store: Store, access: OrgAccess): IntakeContext {
  const { userId, name, email } = access.actor;
  return { store, org: access.org, actor: { userId, role: access.role, name: name || email } };
}

/** A decimal amount of the API to minor units, or BAD_INPUT naming the field. */
export function toMinorField(value: number, currency: string, field: string): number {
  const minor = toMinor(value, minorDigits(currency));
  if (minor === undefined)
    throw new AppError("BAD_INPUT", `${field}: too many decimals for ${currency}`);
  return minor;
}

export function optionalMinor(
  value: number | undefined,
  currency: string,
  field: string,
): number | undefined {
  return value === undefined ? undefined : toMinorField(value, currency, field);
}

/** `2026-03-01` or a date-time to epoch ms (validated by the schema). */
export const parseInstant = (value: string) => Date.parse(value);

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function presentOrder(o: IntakeOrder, currency: string, seeCosts: boolean) {
  const d = minorDigits(currency);
  const m = (v: number | null) => (v === null ? null : fromMinor(v, d));
  return {
    id: o.id,
    customer: o.customer,
    status: o.status,
    serviceId: o.serviceId,
    service: o.service,
    item: o.item,
    observations: o.observations,
    advice: o.advice,
    listPrice: m(o.listPrice),
    price: m(o.price),
    ...(seeCosts ? { cost: fromMinor(o.cost, d) } : {}),
    deposit: fromMinor(o.deposit, d),
    due: iso(o.due),
    includedRevisions: o.includedRevisions,
    warrantyDays: o.warrantyDays,
    quoteConfirmed: o.quoteConfirmedBy !== null,
    redoOf: o.redoOf,
    declineReason: o.declineReason,
    createdAt: iso(o.createdAt) as string,
    acceptedAt: iso(o.acceptedAt),
    deliveredAt: iso(o.deliveredAt),
    closedAt: iso(o.closedAt),
    declinedAt: iso(o.declinedAt),
    warrantyEnd: o.deliveredAt === null ? null : iso(warrantyEnd(o.deliveredAt, o.warrantyDays)),
  };
}

export function presentComplaint(
  c: Complaint,
  ctx: { currency: string; seeCosts: boolean; timeZone: string; hours: number; now?: number },
) {
  const target = responseTarget(
    c.openedAt,
    ctx.hours,
    ctx.timeZone,
    c.firstResponseAt ?? ctx.now ?? Date.now(),
  );
  return {
    id: c.id,
    customer: c.customer,
    orderId: c.orderId,
    text: c.text,
    openedAt: iso(c.openedAt) as string,
    firstResponseAt: iso(c.firstResponseAt),
    firstResponseText: c.firstResponseText,
    resolvedAt: iso(c.resolvedAt),
    fault: c.fault,
    faultReason: c.faultReason,
    disclosureCode: c.disclosureCode,
    remedy: c.remedy,
    ...(ctx.seeCosts
      ? {
          remedyAmount:
            c.remedyAmount === null ? null : fromMinor(c.remedyAmount, minorDigits(ctx.currency)),
        }
      : {}),
    explanation: c.explanation,
    redoOrderId: c.redoOrderId,
    firstResponseDue: iso(target.due) as string,
    firstResponseOverdue: target.overdue,
  };
}

export function presentDetail(
  detail: IntakeDetail,
  access: OrgAccess,
  extra: { customerName: string | null; customerWarning: CustomerWarning },
) {
  const { charter, order } = detail;
  const seeCosts = canSeeCosts(access.role);
  const qc = detail.quoteCheck;
  return {
    order: presentOrder(order, charter.currency, seeCosts),
    customerName: extra.customerName,
    questions: detail.questions.map((q) => ({
      id: q.id,
      text: q.text,
      askedAt: iso(q.askedAt) as string,
      answer: q.answer,
      answeredAt: iso(q.answeredAt),
      answeredVia: q.answeredVia,
      reviewedAt: iso(q.reviewedAt),
    })),
    disclosures: detail.disclosures.map((d) => ({
      id: d.id,
      code: d.code,
      text: d.text,
      acknowledgedAt: iso(d.acknowledgedAt),
      acknowledgedBy: d.acknowledgedBy,
      acknowledgedVia: d.acknowledgedVia,
      signature: d.signature ?? null,
    })),
    photos: detail.photos.map((p) => ({ ...p, createdAt: iso(p.createdAt) as string })),
    complaints: detail.complaints.map((c) =>
      presentComplaint(c, {
        currency: charter.currency,
        seeCosts,
        timeZone: access.org.time_zone,
        hours: charter.first_response_hours,
      }),
    ),
    blockers: detail.blockers,
    quoteCheck: qc
      ? {
          discountPct: qc.discountPct,
          beyondDiscount: qc.beyondDiscount,
          needsManager: qc.needsManager,
          ...(seeCosts ? { marginPct: qc.marginPct, belowMargin: qc.belowMargin } : {}),
        }
      : null,
    currency: charter.currency,
    can: {
      accept: detail.blockers.length === 0,
      decline: canDecline(order.status),
      advance: ADVANCE_TARGETS.filter((t) => canAdvance(order.status, t)),
      edit: isOpen(order.status),
      confirmQuote: canConfirmQuote(access.role),
      seeCosts,
    },
    customerWarning: extra.customerWarning,
  };
}

export function presentReturn(f: ReturnFact) {
  return {
    id: f.id,
    at: new Date(f.at).toISOString(),
    order: f.order,
    kind: f.kind,
    warrantyEnd: f.warranty_end === undefined ? null : new Date(f.warranty_end).toISOString(),
    reason: f.reason ?? null,
  };
}

/** The organization's language for messages when the request does not say. */
export const langOf = (access: OrgAccess, _request?: FastifyRequest): "fr" | "en" =>
  access.org.lang === "en" ? "en" : "fr";
