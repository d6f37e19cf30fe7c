/**
 * Closes the complete days, months and years of the payment journal (docs/payments.md): each
 * closure holds its period's totals by method and the perpetual total, chained to the one
 * before. The claim is the database's: one row per organization, kind and period (a unique
 * key), and one closure number at a time (the primary key), so two servers, or a server and
 * `comptoir payments close`, never close a period twice; the one that loses the race sees the
 * closure already made and moves on.
 */
import { type Closure, chainClosure, dueClosures } from "../../domain/payments/closures.ts";
import type { JournalEntry } from "../../domain/payments/payment-journal.ts";
import type { Store } from "../../store/database.ts";
import type { Organization } from "../../store/organization-repository.ts";
import {
  closureHead,
  insertClosure,
  listClosures,
  listJournalEntries,
  lockJournal,
} from "../../store/payment-journal-repository.ts";
import { inJournalTransaction, sha256 } from "./payment-support.ts";

export async function closePeriods(
  store: Store,
  org: Organization,
  options: { asOf?: number; now?: number } = {},
): Promise<Closure[]> {
  const asOf = options.asOf ?? Date.now();
  if ((await allEntries(store, org.id)).length === 0) return [];
  return inJournalTransaction(store, async (trx) => {
    await lockJournal(trx.db, org.id);
    // Read under the lock: no entry can be added between the totals and the closure.
    const entries = await allEntries(trx, org.id);
    const closed = new Set(
      (await listClosures(trx.db, org.id)).map((c) => `${c.kind}:${c.period}`),
    );
    let head = await closureHead(trx.db, org.id);
    const made: Closure[] = [];
    for (const totals of dueClosures(entries, closed, asOf, org.time_zone)) {
      const closure = chainClosure(org.id, head, totals, options.now ?? Date.now(), sha256);
      await insertClosure(trx.db, org.id, closure);
      made.push(closure);
      head = { seq: closure.seq, hash: closure.hash };
    }
    return made;
  });
}

async function allEntries(store: Store, orgId: string): Promise<JournalEntry[]> {
  const all: JournalEntry[] = [];
  for (;;) {
    const chunk = await listJournalEntries(store.db, orgId, {
      afterSeq: all.at(-1)?.seq ?? 0,
      limit: 5000,
    });
    all.push(...chunk);
    if (chunk.length < 5000) return all;
  }
}
