/**
 * What stands between an order and its acceptance: an open question, an unacknowledged
 * disclosure, a missing quote, a quote beyond the charter waiting for a manager, and our own
 * advice to decline: accepting an order we advised against needs an explicit override, which
 * is changing the advice (the order then keeps the advice it was accepted under). Empty: the
 * order may be accepted.
 */
import type { OrderStatus } from "./order-status.ts";

export type BlockerCode =
  | "not_open"
  | "open_question"
  | "unacknowledged_disclosure"
  | "no_quote"
  | "quote_needs_manager"
  | "advised_decline";

export interface Blocker {
  code: BlockerCode;
  /** The question or disclosure at fault, when there is one. */
  ref?: string;
}

export interface AcceptanceState {
  status: OrderStatus;
  questions: readonly { id: string; answeredAt: number | null }[];
  disclosures: readonly { id: string; acknowledgedAt: number | null }[];
  quoted: boolean;
  /** The quote is beyond the charter's limits and no manager confirmed it. */
  quoteNeedsManager: boolean;
  /** The professional's advice kind, if any (`decline` blocks). */
  advice?: string | null;
}

/** @example acceptanceBlockers({...state, questions: [{id: "q1", answeredAt: null}]}) // [{code: "open_question", ref: "q1"}] */
export function acceptanceBlockers(state: AcceptanceState): Blocker[] {
  const blockers: Blocker[] = [];
  if (
    state.status !== "quoted" &&
    state.status !== "awaiting_answers" &&
    state.status !== "draft"
  ) {
    blockers.push({ code: "not_open" });
    return blockers;
  }
  for (const q of state.questions) {
    if (q.answeredAt === null) blockers.push({ code: "open_question", ref: q.id });
  }
  for (const d of state.disclosures) {
    if (d.acknowledgedAt === null) blockers.push({ code: "unacknowledged_disclosure", ref: d.id });
  }
  if (!state.quoted) blockers.push({ code: "no_quote" });
  else if (state.quoteNeedsManager) blockers.push({ code: "quote_needs_manager" });
  if (state.advice === "decline") blockers.push({ code: "advised_decline" });
  return blockers;
}

const LABELS: Record<BlockerCode, [string, string]> = {
  not_open: ["la commande n'est plus modifiable", "the order is no longer open"],
  open_question: ["une question est encore ouverte", "a question is still open"],
  unacknowledged_disclosure: [
    "un risque n'a pas été reconnu par le client",
    "a disclosure has not been acknowledged by the customer",
  ],
  no_quote: ["aucun devis", "no quote yet"],
  quote_needs_manager: [
    "le devis dépasse la charte : un responsable doit le confirmer",
    "the quote is beyond the charter: a manager must confirm it",
  ],
  advised_decline: [
    "le conseil est de refuser : changez le conseil pour accepter quand même, ou refusez la commande",
    "the advice is to decline: change the advice to accept anyway, or decline the order",
  ],
};

/** One sentence listing the blockers, in the organization's language. */
export function describeBlockers(blockers: readonly Blocker[], lang: "fr" | "en"): string {
  const i = lang === "fr" ? 0 : 1;
  return blockers.map((b) => LABELS[b.code][i] + (b.ref ? ` (${b.ref})` : "")).join("; ");
}
