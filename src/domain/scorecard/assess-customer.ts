import type { Charter } from "../charter.ts";
import { applyCorrections, correctedId } from "../corrections.ts";
import { isArchived } from "../customer-record.ts";
import type { CustomerFact, Fact } from "../facts.ts";
import { abusive, serialReturner, unfoundedComplaints, warrantyGaming } from "./conduct-rules.ts";
import { customerLedger } from "./customer-ledger.ts";
import { customerMoney } from "./customer-money.ts";
import { invoiceBalances } from "./invoice-balances.ts";
import { type Lang, messageFormat } from "./message-format.ts";
import { formalNotices, latePayer, overdueInvoices, promptPayer, unpaid } from "./payment-rules.ts";
import { detractor, loyal, promoter } from "./relationship-rules.ts";
import type { Rule, RuleContext } from "./rule-context.ts";
import { scoringWindow } from "./scoring-window.ts";
import { type Signal, sortSignals } from "./signal-codes.ts";
import { haggler, missingInputs, scopeCreep, unprofitable } from "./terms-rules.ts";

export interface ScoringContext {
  charter: Charter;
  /** Epoch ms: facts dated after it are ignored. */
  asOf: number;
  lang: Lang;
}

/**
 * What one customer's facts alone say; the organization-level step (finalizeScorecard) adds
 * concentration, high value and the segment. Small on purpose: a caller streaming customers
 * keeps one per customer and drops the facts.
 */
export interface Assessment {
  customer: string;
  name: string;
  status: "prospect" | "active";
  /** Customer-local signals, in SIGNAL_CODES order; none for a prospect. */
  signals: Signal[];
  /** Money over the window, minor units. */
  revenue: number;
  margin: number;
  orders: number;
  /** Balance of the invoices issued in the window, as of the as-of instant. */
  outstanding: number;
  /** Balance of every invoice up to the as-of instant (an extension: what is owed today). */
  outstandingTotal: number;
  /** Ids of the orders in the window: the evidence of the organization-level signals. */
  windowOrders: string[];
  /** An unpaid invoice had a formal notice (level 3 reminder): part_ways rather than renegotiate. */
  unpaidAfterFormalNotice: boolean;
  /** Hidden from lists and pickers, still scored and in the portfolio (docs/customers.md). */
  archived: boolean;
}

/** Every customer-local rule of spec section 3. */
export const CUSTOMER_RULES: readonly Rule[] = [
  abusive,
  warrantyGaming,
  unpaid,
  latePayer,
  haggler,
  unprofitable,
  scopeCreep,
  missingInputs,
  unfoundedComplaints,
  serialReturner,
  detractor,
  loyal,
  promptPayer,
  promoter,
];

/**
 * Scores one customer from all of their facts (any order; those dated after `asOf`, or
 * belonging to another customer, are ignored).
 * @example assessCustomer(customer, facts, { charter: DEFAULT_CHARTER, asOf, lang: "fr" })
 */
export function assessCustomer(
  customer: CustomerFact,
  facts: readonly Fact[],
  ctx: ScoringContext,
): Assessment {
  // Corrections known at the as-of instant replace what they correct. Most customers have
  // none: their facts then skip applyCorrections' bookkeeping (an object per fact).
  const dated = facts.filter((f) => f.at <= ctx.asOf);
  const known = dated.some((f) => correctedId(f) !== undefined) ? applyCorrections(dated) : dated;
  const ledger = customerLedger(customer, known, ctx.asOf);
  const window = scoringWindow(ctx.asOf, ctx.charter.window_months);
  const invoices = invoiceBalances(ledger);
  const money = customerMoney(ledger, invoices, window, ctx.charter);
  const rule: RuleContext = {
    ledger,
    charter: ctx.charter,
    asOf: ctx.asOf,
    window,
    invoices,
    money,
    f: messageFormat(ctx.lang, ctx.charter.currency),
  };
  const prospect = customer.status === "prospect";
  // A prospect has no relationship to judge yet: no signals, no segment (docs/scoring.md).
  const signals = prospect
    ? []
    : CUSTOMER_RULES.map((r) => r(rule)).filter((s): s is Signal => s !== undefined);
  const overdue = new Set(overdueInvoices(invoices, ctx.asOf).map((b) => b.invoice.id));
  return {
    customer: customer.id,
    name: customer.name,
    status: customer.status,
    signals: sortSignals(signals),
    revenue: money.revenue,
    margin: money.margin,
    orders: money.orders.length,
    outstanding: money.outstanding,
    outstandingTotal: money.outstandingTotal,
    windowOrders: money.orders.map((o) => o.id),
    unpaidAfterFormalNotice: !prospect && formalNotices(ledger.reminder, overdue).length > 0,
    archived: isArchived(customer),
  };
}
