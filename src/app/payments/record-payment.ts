/**
 * Records a payment against an invoice fact, or a refund, at the counter (any member; docs/
 * payments.md). Both are the ledger's `payment` fact (a refund has a negative amount), with
 * the method and the member who recorded it as extra fields, and an entry of the unalterable
 * journal, written in the same transaction. Overpayment is refused: the counter gives change.
 * A refund gives back at most what the customer paid beyond what they owe.
 */
import { AppError } from "../../domain/errors.ts";
import type { CustomerFact, Fact, InvoiceFact, PaymentFact } from "../../domain/facts.ts";
import { fromMinor, minorDigits } from "../../domain/money.ts";
import { checkMovement, customerBalance } from "../../domain/payments/balances.ts";
import {
  chainEntry,
  type JournalEntry,
  type PaymentMethod,
} from "../../domain/payments/payment-journal.ts";
import { canManagePayments, canRecordFacts } from "../../domain/policies.ts";
import { getCharter } from "../../store/charter-repository.ts";
import { findFact, insertFact, listCustomerFacts } from "../../store/fact-repository.ts";
import {
  insertJournalEntry,
  journalHead,
  lockJournal,
} from "../../store/payment-journal-repository.ts";
import { newId } from "../intake/intake-support.ts";
import { inJournalTransaction, nowOf, type PaymentContext, sha256 } from "./payment-support.ts";

export interface RecordPaymentInput {
  invoice: string;
  /** Minor units, above zero (a refund's amount is given positive too). */
  amount: number;
  method: PaymentMethod;
  /** The payment's date (epoch ms); default now. Not in the future. */
  at?: number;
  kind?: "payment" | "refund";
}

export interface RecordedPayment {
  fact: PaymentFact;
  entry: JournalEntry;
  /** The invoice's balance after it (minor units). */
  balance: number;
}

export async function recordPayment(
  ctx: PaymentContext,
  input: RecordPaymentInput,
): Promise<RecordedPayment> {
  if (!canRecordFacts(ctx.actor.role))
    throw new AppError("FORBIDDEN", `role ${ctx.actor.role} may not record payments`);
  const kind = input.kind ?? "payment";
  if (kind === "refund" && !canManagePayments(ctx.actor.role))
    throw new AppError("FORBIDDEN", `role ${ctx.actor.role} may not refund a payment`);
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    throw new AppError("BAD_INPUT", "amount: must be above zero");
  const now = nowOf(ctx);
  if (input.at !== undefined && input.at > now)
    throw new AppError("BAD_INPUT", "at: is in the future");
  const charter = await getCharter(ctx.store, ctx.org.id);
  return inJournalTransaction(ctx.store, async (trx) => {
    await lockJournal(trx.db, ctx.org.id);
    const invoice = (await findFact(trx, ctx.org.id, "invoice", input.invoice)) as
      | InvoiceFact
      | undefined;
    if (!invoice) throw new AppError("INVOICE_NOT_FOUND", `invoice: no invoice "${input.invoice}"`);
    const facts = await listCustomerFacts(trx, ctx.org.id, invoice.customer);
    const customer = facts.find(
      (f): f is CustomerFact => f.type === "customer" && f.id === invoice.customer,
    );
    if (!customer)
      throw new AppError("CUSTOMER_NOT_FOUND", `customer: no customer "${invoice.customer}"`);
    const before = balanceOf(customer, facts, invoice.id);
    const check = checkMovement(kind, input.amount, before);
    if (!check.ok) throw refusal(check.reason, before, charter.currency);
    const signed = kind === "refund" ? -input.amount : input.amount;
    const fact: PaymentFact = {
      type: "payment",
      id: newId(kind === "refund" ? "rf" : "pay"),
      at: input.at ?? now,
      customer: invoice.customer,
      invoice: invoice.id,
      amount: signed,
      // Kept as unknown fields of the spec's fact (scoring reads only customer, invoice, amount).
      extra: {
        method: input.method,
        recorded_by: ctx.actor.userId,
        staff: ctx.actor.name,
      },
    };
    await insertFact(trx, ctx.org.id, fact);
    const entry = chainEntry(
      ctx.org.id,
      await journalHead(trx.db, ctx.org.id),
      {
        kind,
        factId: fact.id,
        invoice: invoice.id,
        customer: invoice.customer,
        amount: signed,
        currency: charter.currency,
        method: input.method,
        paidAt: fact.at,
        recordedBy: ctx.actor.userId,
        recordedByName: ctx.actor.name,
        recordedAt: now,
      },
      sha256,
    );
    await insertJournalEntry(trx.db, ctx.org.id, entry);
    return { fact, entry, balance: before - signed };
  });
}

/** The invoice's balance with every fact known now, whatever its date. */
function balanceOf(customer: CustomerFact, facts: readonly Fact[], invoiceId: string): number {
  const found = customerBalance(customer, facts, Number.MAX_SAFE_INTEGER).invoices.find(
    (i) => i.invoice.id === invoiceId,
  );
  return found?.balance ?? 0;
}

function refusal(reason: string, balance: number, currency: string): AppError {
  const money = (minor: number) => `${fromMinor(minor, minorDigits(currency))} ${currency}`;
  switch (reason) {
    case "nothing_due":
      return new AppError("PAYMENT_NOT_DUE", "invoice: nothing is left to pay on this invoice");
    case "overpayment":
      return new AppError(
        "PAYMENT_EXCEEDS_BALANCE",
        `amount: above what is left to pay (${money(balance)})`,
      );
    case "no_credit":
      return new AppError(
        "REFUND_NOT_DUE",
        "invoice: the customer has paid nothing beyond what they owe on this invoice",
      );
    default:
      return new AppError(
        "REFUND_EXCEEDS_CREDIT",
        `amount: above what the customer paid beyond what they owe (${money(-balance)})`,
      );
  }
}
