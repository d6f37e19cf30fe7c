import type { CreditNoteFact, InvoiceFact, PaymentFact } from "../facts.ts";
import type { CustomerLedger } from "./customer-ledger.ts";

/**
 * An invoice as of the as-of instant. Spec section 1: its outstanding balance is the amount
 * minus its payments minus its credit notes. A credit note lowers what the customer owes, so
 * the customer has paid in full when the payments reach the amount less the credit notes:
 * a credit note made after the due date (a remedy, a mistake of ours) never makes a late payer.
 */
export interface InvoiceBalance {
  invoice: InvoiceFact;
  payments: PaymentFact[];
  creditNotes: CreditNoteFact[];
  /** Amount minus payments and credit notes up to the as-of instant (negative if overpaid). */
  balance: number;
  /**
   * When the payments first reached what the customer owed (the amount less the credit
   * notes); absent while a balance is open. The invoice's own instant when nothing was owed.
   */
  paidInFullAt?: number;
  /** Credit notes cancel the whole amount: the invoice says nothing of how the customer pays. */
  cancelled: boolean;
}

/**
 * Matches each invoice with its payments and credit notes (the ledger holds only facts up to
 * the as-of instant). Those on an invoice the ledger does not know are ignored.
 */
export function invoiceBalances(ledger: CustomerLedger): InvoiceBalance[] {
  const payments = byInvoice(ledger.payment);
  const credits = byInvoice(ledger.credit_note);
  return ledger.invoice.map((invoice) => {
    const paid = payments.get(invoice.id) ?? [];
    const creditNotes = credits.get(invoice.id) ?? [];
    let credited = 0;
    for (const note of creditNotes) credited += note.amount;
    const owed = invoice.amount - credited;
    let settled = 0;
    // Nothing owed (an invoice of zero, or cancelled): settled the moment it is issued.
    let paidInFullAt = owed <= 0 ? invoice.at : undefined;
    for (const payment of paid) {
      settled += payment.amount;
      if (paidInFullAt === undefined && settled >= owed) paidInFullAt = payment.at;
    }
    return {
      invoice,
      payments: paid,
      creditNotes,
      balance: owed - settled,
      paidInFullAt,
      cancelled: invoice.amount > 0 && credited >= invoice.amount,
    };
  });
}

function byInvoice<F extends { invoice: string }>(facts: readonly F[]): Map<string, F[]> {
  const map = new Map<string, F[]>();
  for (const fact of facts) {
    const list = map.get(fact.invoice);
    if (list) list.push(fact);
    else map.set(fact.invoice, [fact]);
  }
  return map;
}
