import type { InvoiceFact, PaymentFact } from "../facts.ts";
import type { CustomerLedger } from "./customer-ledger.ts";

/** An invoice as of the as-of instant: what was paid on it, and when it was paid in full. */
export interface InvoiceBalance {
  invoice: InvoiceFact;
  payments: PaymentFact[];
  /** Amount minus the payments dated on or before the as-of instant (negative if overpaid). */
  balance: number;
  /** When the cumulative payments first reached the amount; absent while a balance is open. */
  paidInFullAt?: number;
}

/**
 * Matches each invoice with its payments (the ledger holds only facts up to the as-of
 * instant). Payments on an invoice the ledger does not know are ignored.
 */
export function invoiceBalances(ledger: CustomerLedger): InvoiceBalance[] {
  const byInvoice = new Map<string, PaymentFact[]>();
  for (const payment of ledger.payment) {
    const list = byInvoice.get(payment.invoice);
    if (list) list.push(payment);
    else byInvoice.set(payment.invoice, [payment]);
  }
  return ledger.invoice.map((invoice) => {
    const payments = byInvoice.get(invoice.id) ?? [];
    let paid = 0;
    // An invoice of zero (or less) is settled the moment it is issued.
    let paidInFullAt = invoice.amount <= 0 ? invoice.at : undefined;
    for (const payment of payments) {
      paid += payment.amount;
      if (paidInFullAt === undefined && paid >= invoice.amount) paidInFullAt = payment.at;
    }
    return { invoice, payments, balance: invoice.amount - paid, paidInFullAt };
  });
}
