/**
 * Merges a customer into another, and undoes it (docs/customers.md). A merge is a correction
 * of the merged customer's record with `merged_into: "<kept id>"`: from its date on, the
 * merged customer leaves the lists and the portfolio, its facts are scored as the kept
 * customer's, and its id leads to the kept one. Undoing is a later correction without
 * `merged_into`. Both ledgers stay as they were: nothing is moved or rewritten. Managers and
 * owners only.
 */
import { mergeTarget } from "../../domain/customer-record.ts";
import { AppError } from "../../domain/errors.ts";
import type { CustomerFact } from "../../domain/facts.ts";
import { canMergeCustomers } from "../../domain/policies.ts";
import {
  type CustomerContext,
  customerState,
  requireNotMerged,
  writeCorrection,
} from "./customer-support.ts";

const refuse = (role: string, what: string) =>
  new AppError("FORBIDDEN", `role ${role} may not ${what} customers (managers and owners may)`);

/**
 * Merges `id` into `into` (a customer merged already stands for the one it is under).
 * @example await mergeCustomer(ctx, "ana-2", "ana") // ana-2's ledger is read as ana's
 */
export async function mergeCustomer(
  ctx: CustomerContext,
  id: string,
  into: string,
): Promise<{ merged: CustomerFact; into: CustomerFact }> {
  if (!canMergeCustomers(ctx.actor.role)) throw refuse(ctx.actor.role, "merge");
  const state = await customerState(ctx, id);
  requireNotMerged(state, id);
  const target = await customerState(ctx, into, "into");
  const kept = target.fixes.mergedInto(into) ?? into;
  if (kept === id)
    throw new AppError("BAD_INPUT", `into: a customer cannot be merged into itself ("${id}")`);
  const keptState = kept === into ? target : await customerState(ctx, kept, "into");
  const fact = await writeCorrection(ctx, id, state.record, { kind: "merge", mergedInto: kept });
  return { merged: { ...fact, id, corrects: undefined }, into: keptState.record };
}

/**
 * Undoes the merge of `id`: its record stands alone again, its ledger is its own.
 * @example await unmergeCustomer(ctx, "ana-2")
 */
export async function unmergeCustomer(ctx: CustomerContext, id: string): Promise<CustomerFact> {
  if (!canMergeCustomers(ctx.actor.role)) throw refuse(ctx.actor.role, "unmerge");
  const state = await customerState(ctx, id);
  if (mergeTarget(state.record) === undefined)
    throw new AppError("CUSTOMER_NOT_MERGED", `id: customer "${id}" is not merged into another`);
  const fact = await writeCorrection(ctx, id, state.record, { kind: "unmerge" });
  return { ...fact, id, corrects: undefined };
}
