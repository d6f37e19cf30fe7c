/**
 * What the customer-record use cases share: who acts, the record as it stands (corrections
 * applied, merges known) and writing a correction of it. Every change to a customer record is
 * a new `customer` fact that `corrects` the original, carrying the whole record as it is now
 * (spec section 1; docs/customers.md).
 */
import { randomBytes } from "node:crypto";
import { type ContactDetails, isArchived, withDetails } from "../../domain/customer-record.ts";
import { AppError } from "../../domain/errors.ts";
import type { CustomerFact } from "../../domain/facts.ts";
import { type CustomerCorrections, customerCorrections } from "../../store/customer-corrections.ts";
import { findFact, insertFact } from "../../store/fact-repository.ts";
import type { IntakeContext } from "../intake/intake-support.ts";
import { nowOf } from "../intake/intake-support.ts";

export type CustomerContext = IntakeContext;

export interface CustomerState {
  /** The record as it stands, under the original's id. */
  record: CustomerFact;
  fixes: CustomerCorrections;
}

/**
 * A stored customer (not a correction) with every correction applied, or CUSTOMER_NOT_FOUND
 * naming `field`.
 */
export async function customerState(
  ctx: CustomerContext,
  id: string,
  field = "id",
): Promise<CustomerState> {
  const original = await findFact(ctx.store, ctx.org.id, "customer", id);
  const fixes = await customerCorrections(ctx.store, ctx.org.id);
  if (original?.type !== "customer" || original.corrects || fixes.isCorrection(original))
    throw new AppError("CUSTOMER_NOT_FOUND", `${field}: no customer "${id}" here`);
  return { record: fixes.corrected(original), fixes };
}

/** Refuses a change to a customer merged into another (CUSTOMER_MERGED). */
export function requireNotMerged(state: CustomerState, id: string, field = "id"): void {
  const into = state.fixes.mergedInto(id);
  if (into !== undefined)
    throw new AppError(
      "CUSTOMER_MERGED",
      `${field}: customer "${id}" is merged into "${into}": change that customer, or undo the merge`,
    );
}

/**
 * Appends a correction of `id` carrying `record`'s details with `details` over them, its
 * archived state unless `state` says otherwise, and a merge target when given.
 */
export async function writeCorrection(
  ctx: CustomerContext,
  id: string,
  record: CustomerFact,
  change: {
    kind: "edit" | "archive" | "unarchive" | "merge" | "unmerge";
    details?: ContactDetails;
    archived?: boolean;
    mergedInto?: string;
  },
): Promise<CustomerFact> {
  const extra: Record<string, unknown> = {};
  if (change.archived ?? isArchived(record)) extra.archived = true;
  if (change.mergedInto) extra.merged_into = change.mergedInto;
  const fact = withDetails(
    record,
    change.details ?? {},
    {
      id: `${id}~${change.kind}-${randomBytes(4).toString("hex")}`,
      at: Math.max(nowOf(ctx), record.at),
      corrects: id,
    },
    extra,
  );
  // Who changed it, kept as an unknown field (scoring ignores it).
  fact.extra = { ...fact.extra, changed_by: ctx.actor.userId };
  await insertFact(ctx.store, ctx.org.id, fact);
  return fact;
}
