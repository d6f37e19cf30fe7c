/**
 * What the payment use cases share: who acts (with the name the journal keeps), the clock,
 * the journal's hash, and a transaction retried when a concurrent writer took the next
 * journal number first (the chain never forks: the loser starts again on the new head).
 */
import { hash } from "node:crypto";
import type { Role } from "../../domain/policies.ts";
import type { Store } from "../../store/database.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { isWriteConflict } from "../../store/payment-journal-repository.ts";

export interface PaymentActor {
  userId: string;
  name: string;
  role: Role;
}

export interface PaymentContext {
  store: Store;
  org: Organization;
  actor: PaymentActor;
  /** The clock (epoch ms); tests set it. */
  now?: number;
}

export const nowOf = (ctx: { now?: number }): number => ctx.now ?? Date.now();

/** SHA-256, hexadecimal, of the canonical text of an entry or closure. */
export const sha256 = (text: string): string => hash("sha256", text);

/** How many times a transaction that lost the race for the next number is tried again. */
const ATTEMPTS = 50;

/**
 * Runs `work` in a transaction on a Store bound to it; on a unique-key violation (another
 * writer took the same journal or closure number), waits a little and runs it again.
 */
export async function inJournalTransaction<T>(
  store: Store,
  work: (trx: Store) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.db.transaction().execute((trx) => work({ ...store, db: trx }));
    } catch (error) {
      if (!isWriteConflict(error) || attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}
