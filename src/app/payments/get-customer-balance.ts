/**
 * A customer's invoices and what is left to pay on each (the payment form's choices), and the
 * customer's whole balance. Any member sees the open invoices, since any member takes a
 * payment at the counter; the customer's total and the settled invoices are for the roles
 * that see scorecards (docs/roles.md).
 */
import { AppError } from "../../domain/errors.ts";
import type { CustomerFact } from "../../domain/facts.ts";
import { customerBalance } from "../../domain/payments/balances.ts";
import { canSeeScorecards, type Role } from "../../domain/policies.ts";
import type { InvoiceBalance } from "../../domain/scorecard/invoice-balances.ts";
import type { Store } from "../../store/database.ts";
import { listCustomerFacts } from "../../store/fact-repository.ts";

export interface CustomerBalanceView {
  customer: { id: string; name: string };
  /** Null for roles that do not see the customer's money. */
  balance: number | null;
  invoices: InvoiceBalance[];
}

export async function getCustomerBalance(
  store: Store,
  orgId: string,
  role: Role,
  customerId: string,
  asOf: number = Number.MAX_SAFE_INTEGER,
): Promise<CustomerBalanceView> {
  const facts = await listCustomerFacts(store, orgId, customerId);
  const customer = facts.find(
    (f): f is CustomerFact => f.type === "customer" && f.id === customerId,
  );
  if (!customer) throw new AppError("CUSTOMER_NOT_FOUND", `customer: no customer "${customerId}"`);
  const all = customerBalance(customer, facts, asOf);
  const full = canSeeScorecards(role);
  return {
    customer: { id: customer.id, name: customer.name },
    balance: full ? all.balance : null,
    invoices: full ? all.invoices : all.open,
  };
}
