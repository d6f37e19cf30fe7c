/**
 * The workflow state of an order taken at the counter, before and after it becomes a ledger
 * fact. Money in minor units, instants in epoch ms (null while unknown).
 */
import type { OrderStatus } from "./order-status.ts";

export const ADVICE_KINDS = ["proceed", "proceed_with_reserve", "not_worth_it", "decline"] as const;
export type AdviceKind = (typeof ADVICE_KINDS)[number];

export interface Observations {
  material?: string;
  condition?: string;
  notes?: string;
}

export interface IntakeOrder {
  id: string;
  customer: string;
  status: OrderStatus;
  serviceId: string | null;
  /** The service's code as written in the ledger (`resole`, `hem`...). */
  service: string | null;
  item: string;
  observations: Observations;
  advice: { kind: AdviceKind; text?: string } | null;
  listPrice: number | null;
  price: number | null;
  cost: number;
  /** Estimated minutes of work, for the expected margin. */
  minutes: number;
  deposit: number;
  due: number | null;
  includedRevisions: number;
  warrantyDays: number;
  /** The manager who confirmed a quote beyond the charter. */
  quoteConfirmedBy: string | null;
  /** A redo: the order it redoes. */
  redoOf: string | null;
  declineReason: string | null;
  createdBy: string;
  createdAt: number;
  acceptedAt: number | null;
  deliveredAt: number | null;
  closedAt: number | null;
  declinedAt: number | null;
}

export interface IntakeQuestion {
  id: string;
  orderId: string;
  text: string;
  askedAt: number;
  answer: string | null;
  answeredAt: number | null;
  /** `counter` (typed by staff) or `link` (by the customer on the public page). */
  answeredVia: "counter" | "link" | null;
  /** When we read an answer the customer gave through the link (the inbox's end). */
  reviewedAt: number | null;
}

export interface IntakeDisclosure {
  id: string;
  orderId: string;
  code: string;
  text: string;
  acknowledgedAt: number | null;
  /** The name typed, or "signature" for a drawn one. */
  acknowledgedBy: string | null;
  acknowledgedVia: "counter" | "link" | null;
  /** The signature drawn on the counter's pad (a PNG or SVG data URL), when there is one. */
  signature?: string | null;
}

/** Whether a quote exists (a redo's is zero). */
export function isQuoted(order: Pick<IntakeOrder, "price" | "listPrice">): boolean {
  return order.price !== null && order.listPrice !== null;
}
