/**
 * Likely duplicates among the customers that are in the lists (neither merged nor archived):
 * the same e-mail, the same phone number in E.164, or names within two edits once folded
 * (domain/customer-duplicates.ts). Managers and owners, who may merge them.
 */
import { findDuplicates } from "../../domain/customer-duplicates.ts";
import { isArchived } from "../../domain/customer-record.ts";
import { AppError } from "../../domain/errors.ts";
import type { CustomerFact } from "../../domain/facts.ts";
import { canMergeCustomers } from "../../domain/policies.ts";
import { customerCorrections } from "../../store/customer-corrections.ts";
import { listCustomerRecords } from "../../store/customer-records.ts";
import type { CustomerContext } from "./customer-support.ts";

export const MAX_DUPLICATE_PAIRS = 200;

export interface DuplicatePairView {
  a: CustomerFact;
  b: CustomerFact;
  reasons: ("email" | "phone" | "name")[];
}

/** @example const { pairs, total } = await findCustomerDuplicates(ctx, { customer: "ana" }) */
export async function findCustomerDuplicates(
  ctx: CustomerContext,
  options: { customer?: string; limit?: number } = {},
): Promise<{ total: number; pairs: DuplicatePairView[] }> {
  if (!canMergeCustomers(ctx.actor.role))
    throw new AppError("FORBIDDEN", `role ${ctx.actor.role} may not look for duplicates`);
  return likelyDuplicates(ctx, options);
}

/**
 * findCustomerDuplicates without the role check: what a member creating a customer is told
 * (the customers the new one looks like), which is no more than the list shows them.
 */
export async function likelyDuplicates(
  ctx: CustomerContext,
  options: { customer?: string; limit?: number } = {},
): Promise<{ total: number; pairs: DuplicatePairView[] }> {
  const fixes = await customerCorrections(ctx.store, ctx.org.id);
  const records = (await listCustomerRecords(ctx.store, ctx.org.id, fixes)).filter(
    (c) => fixes.mergedInto(c.id) === undefined && !isArchived(c),
  );
  const byId = new Map(records.map((c) => [c.id, c]));
  const pairs = findDuplicates(records).filter(
    (p) => options.customer === undefined || p.a === options.customer || p.b === options.customer,
  );
  const limit = options.limit ?? MAX_DUPLICATE_PAIRS;
  return {
    total: pairs.length,
    pairs: pairs.slice(0, limit).map((p) => ({
      a: byId.get(p.a) as CustomerFact,
      b: byId.get(p.b) as CustomerFact,
      reasons: p.reasons,
    })),
  };
}
