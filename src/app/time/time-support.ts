/**
 * What the time use cases share: the member logging time named as the fact's staff, and the
 * customer or order the time is for, checked in the organization.
 */
import { AppError } from "../../domain/errors.ts";
import type { OrderFact } from "../../domain/facts.ts";
import { findCustomer } from "../../store/customer-records.ts";
import type { Store } from "../../store/database.ts";
import { findFact } from "../../store/fact-repository.ts";
import type { IntakeActor } from "../intake/intake-support.ts";

/** The member as the `time` fact's staff: their name, and their user id under `staff_user`. */
export function memberStaff(actor: IntakeActor): { staff?: string; staffUser: string } {
  return { staff: actor.name || undefined, staffUser: actor.userId };
}

export interface TimeTarget {
  customer: string;
  order?: string;
}

/**
 * The customer and order time is logged on: an order alone names its customer; both must
 * agree. The order is one of the ledger's (an intake order once accepted).
 */
export async function resolveTimeTarget(
  store: Store,
  orgId: string,
  input: { customer?: string; order?: string },
): Promise<TimeTarget> {
  let customer = input.customer;
  if (input.order) {
    const order = (await findFact(store, orgId, "order", input.order)) as OrderFact | undefined;
    if (!order) {
      throw new AppError(
        "NOT_FOUND",
        `order: no order "${input.order}" in the ledger (an intake order counts once accepted)`,
      );
    }
    if (customer && customer !== order.customer) {
      throw new AppError("BAD_INPUT", `order: order "${input.order}" is not this customer's`);
    }
    customer = order.customer;
  }
  if (!customer) throw new AppError("BAD_INPUT", "customer: name a customer or an order");
  const record = await findCustomer(store, orgId, customer);
  if (!record) throw new AppError("CUSTOMER_NOT_FOUND", `customer: no customer "${customer}"`);
  return input.order ? { customer, order: input.order } : { customer };
}
