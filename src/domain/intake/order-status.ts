/**
 * The life of an intake order: draft → awaiting_answers → quoted → accepted → in_progress →
 * ready → delivered → closed, or declined before acceptance. Before acceptance the status is
 * derived from the order's state (open questions, a quote); afterwards it moves one step at a
 * time through `advance`.
 */

export const ORDER_STATUSES = [
  "draft",
  "awaiting_answers",
  "quoted",
  "accepted",
  "in_progress",
  "ready",
  "delivered",
  "closed",
  "declined",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses where the order can still change (questions, disclosures, quote). */
export const OPEN_STATUSES: readonly OrderStatus[] = ["draft", "awaiting_answers", "quoted"];

export const ADVANCE_TARGETS = ["in_progress", "ready", "delivered", "closed"] as const;
export type AdvanceTarget = (typeof ADVANCE_TARGETS)[number];

/** The one status each advance may come from. */
const ADVANCES_FROM: Record<AdvanceTarget, OrderStatus> = {
  in_progress: "accepted",
  ready: "in_progress",
  delivered: "ready",
  closed: "delivered",
};

export function isOpen(status: OrderStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/**
 * The status of an order not yet accepted: open questions first, then a quote.
 * @example openStatus({ openQuestions: 1, quoted: true }) // "awaiting_answers"
 */
export function openStatus(state: { openQuestions: number; quoted: boolean }): OrderStatus {
  if (state.openQuestions > 0) return "awaiting_answers";
  return state.quoted ? "quoted" : "draft";
}

/** Whether `to` may follow `from` through `advance` (one step at a time, forward only). */
export function canAdvance(from: OrderStatus, to: AdvanceTarget): boolean {
  return ADVANCES_FROM[to] === from;
}

/** Declining is possible until the order is accepted. */
export function canDecline(from: OrderStatus): boolean {
  return isOpen(from);
}
