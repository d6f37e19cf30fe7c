/**
 * Creates a customer from the customer list (not only at intake): a `customer` fact with the
 * spec's fields and, for a business, its address, SIREN and VAT number (docs/customers.md).
 * Any member may (staff meet customers first).
 */
import {
  type ContactDetails,
  checkContactDetails,
  withDetails,
} from "../../domain/customer-record.ts";
import { AppError } from "../../domain/errors.ts";
import type { CustomerFact } from "../../domain/facts.ts";
import { canEditCustomers } from "../../domain/policies.ts";
import { findFact, insertFact } from "../../store/fact-repository.ts";
import { newId, nowOf } from "../intake/intake-support.ts";
import type { CustomerContext } from "./customer-support.ts";

export interface CreateCustomerInput extends ContactDetails {
  /** Default: a new random id (`c-9f2c4b1ad3`). */
  id?: string;
  name: string;
}

/** BAD_INPUT naming the first field that is wrong, every problem in the message. */
export function contactProblems(problems: { field: string; reason: string }[]): AppError {
  return new AppError(
    "BAD_INPUT",
    problems.map((p) => `${p.field}: ${p.reason}`).join("; "),
    problems,
  );
}

/** @example await createCustomer(ctx, { name: "Atelier Bleu", kind: "business", siren: "443061841" }) */
export async function createCustomer(
  ctx: CustomerContext,
  input: CreateCustomerInput,
): Promise<CustomerFact> {
  if (!canEditCustomers(ctx.actor.role))
    throw new AppError("FORBIDDEN", `role ${ctx.actor.role} may not create customers`);
  const { id: wanted, ...fields } = input;
  const checked = checkContactDetails({ status: "active", ...fields, name: fields.name ?? "" });
  if (!checked.ok) throw contactProblems(checked.problems);
  const id = wanted?.trim() || newId("c");
  if (!/^[\p{L}\p{N}_.:@-]{1,100}$/u.test(id))
    throw new AppError("BAD_INPUT", "id: letters, digits and - _ . : @ only, at most 100");
  if (await findFact(ctx.store, ctx.org.id, "customer", id))
    throw new AppError("BAD_INPUT", `id: a customer "${id}" already exists`);
  const blank: CustomerFact = { type: "customer", id, at: 0, name: "", status: "active" };
  const fact = withDetails(blank, checked.details, { id, at: nowOf(ctx) });
  fact.extra = { ...fact.extra, created_by: ctx.actor.userId };
  await insertFact(ctx.store, ctx.org.id, fact);
  return fact;
}
