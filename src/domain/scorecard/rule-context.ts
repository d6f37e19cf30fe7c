import type { Charter } from "../charter.ts";
import type { CustomerLedger } from "./customer-ledger.ts";
import type { CustomerMoney } from "./customer-money.ts";
import type { InvoiceBalance } from "./invoice-balances.ts";
import type { MessageFormat } from "./message-format.ts";
import type { ScoringWindow } from "./scoring-window.ts";
import type { Signal } from "./signal-codes.ts";

/** What a customer-local rule may look at: one customer's facts up to the as-of instant. */
export interface RuleContext {
  ledger: CustomerLedger;
  charter: Charter;
  asOf: number;
  window: ScoringWindow;
  invoices: readonly InvoiceBalance[];
  money: CustomerMoney;
  f: MessageFormat;
}

/** A rule returns its signal, or nothing when it does not apply. */
export type Rule = (ctx: RuleContext) => Signal | undefined;

/** Fact ids without repeats, list after list (each list is already oldest first). */
export function ids(...lists: readonly { id: string }[][]): string[] {
  const unique = new Set<string>();
  for (const list of lists) for (const fact of list) unique.add(fact.id);
  return [...unique];
}
