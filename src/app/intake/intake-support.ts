/**
 * What the intake use cases share: who acts, new ids, loading an order of the organization
 * (another organization's is NOT_FOUND), its open status recomputed, and a transaction in
 * which both the workflow tables and the ledger are written.
 */
import { randomBytes } from "node:crypto";
import type { Charter } from "../../domain/charter.ts";
import { AppError } from "../../domain/errors.ts";
import type { IntakeOrder } from "../../domain/intake/intake-order.ts";
import { isQuoted } from "../../domain/intake/intake-order.ts";
import { isOpen, openStatus } from "../../domain/intake/order-status.ts";
import type { Role } from "../../domain/policies.ts";
import { getCharter } from "../../store/charter-repository.ts";
import type { Store } from "../../store/database.ts";
import { findOrder, listQuestions } from "../../store/intake-order-repository.ts";
import { type IntakeDb, intakeDb } from "../../store/intake-schema.ts";
import type { Organization } from "../../store/organization-repository.ts";

export interface IntakeActor {
  userId: string;
  role: Role;
  /** The member's name as people read it (time entries name their staff with it). */
  name?: string;
}

export interface IntakeContext {
  store: Store;
  org: Organization;
  actor: IntakeActor;
  /** The clock (epoch ms); tests set it. */
  now?: number;
}

export const nowOf = (ctx: { now?: number }) => ctx.now ?? Date.now();

/** A short random id with a prefix: `in-9f2c4b1ad3`. */
export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString("hex")}`;
}

export const orgLang = (org: Organization): "fr" | "en" => (org.lang === "en" ? "en" : "fr");

export async function requireOrder(db: IntakeDb, orgId: string, id: string): Promise<IntakeOrder> {
  const order = await findOrder(db, orgId, id);
  if (!order) throw new AppError("NOT_FOUND", `id: no intake order "${id}" in this organization`);
  return order;
}

/** Refuses a change to an order already accepted or declined. */
export function requireOpen(order: IntakeOrder, what: string): void {
  if (!isOpen(order.status)) {
    throw new AppError(
      "ORDER_TRANSITION_INVALID",
      `status: order ${order.id} is ${order.status}; cannot ${what}`,
    );
  }
}

/** The status of an open order after its questions or quote changed. */
export async function refreshOpenStatus(
  db: IntakeDb,
  orgId: string,
  order: IntakeOrder,
): Promise<IntakeOrder> {
  if (!isOpen(order.status)) return order;
  const questions = await listQuestions(db, orgId, order.id);
  const status = openStatus({
    openQuestions: questions.filter((q) => q.answeredAt === null).length,
    quoted: isQuoted(order),
  });
  return { ...order, status };
}

/**
 * Runs `work` in one transaction: `db` for the workflow tables, `facts` a Store on the same
 * transaction for the ledger's repository (insertFact).
 */
export async function inTransaction<T>(
  store: Store,
  work: (db: IntakeDb, facts: Store) => Promise<T>,
): Promise<T> {
  return store.db.transaction().execute((trx) => work(intakeDb(trx), { ...store, db: trx }));
}

export async function charterOf(ctx: IntakeContext): Promise<Charter> {
  return getCharter(ctx.store, ctx.org.id);
}
