/**
 * Corrects a customer's contact details: the ledger is append-only, so the change is a new
 * `customer` fact that `corrects` the original and carries the whole record as it is now
 * (spec section 1). Any member may. Nothing changed, nothing written.
 */
import {
  CONTACT_FIELDS,
  type ContactDetails,
  checkContactDetails,
  contactDetails,
} from "../../domain/customer-record.ts";
import { AppError } from "../../domain/errors.ts";
import type { CustomerFact } from "../../domain/facts.ts";
import { canEditCustomers } from "../../domain/policies.ts";
import { contactProblems } from "./create-customer.ts";
import {
  type CustomerContext,
  customerState,
  requireNotMerged,
  writeCorrection,
} from "./customer-support.ts";

/**
 * `changes`: the fields to change; an empty text clears a field (`name` excepted). Switching
 * a business to a person clears its SIREN and VAT number.
 * @example await correctCustomer(ctx, "ana", { phone: "07 98 76 54 32" })
 */
export async function correctCustomer(
  ctx: CustomerContext,
  id: string,
  changes: ContactDetails,
): Promise<{ record: CustomerFact; changed: boolean }> {
  if (!canEditCustomers(ctx.actor.role))
    throw new AppError("FORBIDDEN", `role ${ctx.actor.role} may not edit customers`);
  const state = await customerState(ctx, id);
  requireNotMerged(state, id);
  const before = contactDetails(state.record);
  const after: ContactDetails = { ...before, ...changes };
  if (after.kind !== "business") {
    after.siren = "";
    after.vat = "";
  }
  const checked = checkContactDetails(after);
  if (!checked.ok) throw contactProblems(checked.problems);
  const changed = CONTACT_FIELDS.some((f) => (checked.details[f] ?? "") !== before[f]);
  if (!changed) return { record: state.record, changed: false };
  const fact = await writeCorrection(ctx, id, state.record, {
    kind: "edit",
    details: checked.details,
  });
  return { record: { ...fact, id, corrects: undefined }, changed: true };
}
