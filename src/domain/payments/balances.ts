/**
 * Balances per invoice and per customer, for the counter (docs/payments.md). The scorecard's
 * own reading of the ledger, not a second copy: corrections applied, facts after `asOf`
 * dropped, then invoiceBalances (amount - payments - credit notes, spec section 1).
 */
import { applyCorrections, correctedId } from "../corrections.ts";
import type { CustomerFact, Fact } from "../facts.ts";
import { customerLedger } from "../scorecard/customer-ledger.ts";
import { type InvoiceBalance, invoiceBalances } from "../scorecard/invoice-balances.ts";

export interface CustomerBalance {
  invoices: InvoiceBalance[];
  /** Sum of the invoices' balances: what the customer owes (negative: what we owe them). */
  balance: number;
  /** Invoices with something left to pay, oldest first. */
  open: InvoiceBalance[];
  /** Invoices where the customer paid more than owed (a credit note after payment). */
  inCredit: InvoiceBalance[];
}

/**
 * @example customerBalance(customer, facts, Date.now()).balance // 4500 (45.00 owed)
 */
export function customerBalance(
  customer: CustomerFact,
  facts: readonly Fact[],
  asOf: number,
): CustomerBalance {
  const dated = facts.filter((f) => f.at <= asOf);
  const known = dated.some((f) => correctedId(f) !== undefined) ? applyCorrections(dated) : dated;
  const invoices = invoiceBalances(customerLedger(customer, known, asOf));
  let balance = 0;
  for (const invoice of invoices) balance += invoice.balance;
  return {
    invoices,
    balance,
    open: invoices.filter((i) => i.balance > 0),
    inCredit: invoices.filter((i) => i.balance < 0),
  };
}

/** What a new payment of `amount` may be on an invoice whose balance is `balance`. */
export type PaymentCheck =
  | { ok: true }
  | { ok: false; reason: "overpayment" | "nothing_due" | "refund_exceeds_credit" | "no_credit" };

/**
 * Overpayment is refused (the counter gives change; docs/payments.md); a refund gives back at
 * most what the customer paid beyond what they owe (a credit note after payment).
 */
export function checkMovement(kind: "payment" | "refund", amount: number, balance: number) {
  if (kind === "payment") {
    if (balance <= 0) return { ok: false, reason: "nothing_due" } as const;
    if (amount > balance) return { ok: false, reason: "overpayment" } as const;
    return { ok: true } as const;
  }
  if (balance >= 0) return { ok: false, reason: "no_credit" } as const;
  if (amount > -balance) return { ok: false, reason: "refund_exceeds_credit" } as const;
  return { ok: true } as const;
}
