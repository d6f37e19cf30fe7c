/**
 * Archives a customer, or brings one back: a correction of the record with `archived: true`
 * (or without it). An archived customer leaves the customer list, the pickers and the surveys;
 * the ledger, the scorecards and the portfolio keep it (docs/customers.md). Managers and
 * owners only. Archiving an archived customer writes nothing.
 */
import { isArchived } from "../../domain/customer-record.ts";
import { AppError } from "../../domain/errors.ts";
import type { CustomerFact } from "../../domain/facts.ts";
import { canMergeCustomers } from "../../domain/policies.ts";
import {
  type CustomerContext,
  customerState,
  requireNotMerged,
  writeCorrection,
} from "./customer-support.ts";

/** @example await setArchived(ctx, "ana", true) */
export async function setArchived(
  ctx: CustomerContext,
  id: string,
  archived: boolean,
): Promise<{ record: CustomerFact; changed: boolean }> {
  if (!canMergeCustomers(ctx.actor.role))
    throw new AppError(
      "FORBIDDEN",
      `role ${ctx.actor.role} may not ${archived ? "archive" : "unarchive"} customers`,
    );
  const state = await customerState(ctx, id);
  requireNotMerged(state, id);
  if (isArchived(state.record) === archived) return { record: state.record, changed: false };
  const fact = await writeCorrection(ctx, id, state.record, {
    kind: archived ? "archive" : "unarchive",
    archived,
  });
  return { record: { ...fact, id, corrects: undefined }, changed: true };
}
