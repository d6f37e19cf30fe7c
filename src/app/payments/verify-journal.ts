/**
 * Verifies an organization's payment journal and closures (at server start and on demand:
 * docs/payments.md): every entry's hash recomputed from its content, each linked to the one
 * before, numbers without gaps; every closure the same, with its totals recomputed from the
 * journal; every entry's `payment` fact still in the ledger with the same invoice and amount.
 * The result is kept, so the app can warn owners when the chain is broken.
 */
import {
  canonicalClosure,
  closureTotals,
  localDay,
  sameTotals,
} from "../../domain/payments/closures.ts";
import {
  type ChainProblem,
  GENESIS_HASH,
  type JournalEntry,
  verifyEntries,
} from "../../domain/payments/payment-journal.ts";
import type { Store } from "../../store/database.ts";
import type { Organization } from "../../store/organization-repository.ts";
import {
  findPaymentFacts,
  type JournalCheck,
  listClosures,
  listJournalEntries,
  saveJournalCheck,
} from "../../store/payment-journal-repository.ts";
import { sha256 } from "./payment-support.ts";

const CHUNK = 1000;

export async function verifyJournal(
  store: Store,
  org: Organization,
  options: { now?: number } = {},
): Promise<JournalCheck> {
  const problems: ChainProblem[] = [];
  const entries: JournalEntry[] = [];
  let last = { seq: 0, hash: GENESIS_HASH };
  for (;;) {
    const chunk = await listJournalEntries(store.db, org.id, { afterSeq: last.seq, limit: CHUNK });
    if (chunk.length === 0) break;
    const checked = verifyEntries(org.id, chunk, last, sha256);
    problems.push(...checked.problems);
    await checkFacts(store, org.id, chunk, problems);
    entries.push(...chunk);
    last = checked.last;
    if (chunk.length < CHUNK) break;
  }
  const closures = await listClosures(store.db, org.id);
  const days = entries.map((e) => localDay(e.recordedAt, org.time_zone));
  let head = { seq: 0, hash: GENESIS_HASH };
  for (const closure of closures) {
    const where = { where: "closure" as const, seq: closure.seq };
    if (closure.seq !== head.seq + 1)
      problems.push({
        ...where,
        kind: "gap",
        detail: `closure ${closure.seq} follows closure ${head.seq}: closures are missing`,
      });
    if (closure.prevHash !== head.hash)
      problems.push({
        ...where,
        kind: "link",
        detail: `closure ${closure.seq} does not name the hash of closure ${head.seq}`,
      });
    const { hash, ...content } = closure;
    if (sha256(canonicalClosure(org.id, content)) !== hash)
      problems.push({
        ...where,
        kind: "hash",
        detail: `closure ${closure.seq} (${closure.kind} ${closure.period}) was changed after it was written`,
      });
    const expected = closureTotals(entries, days, closure.kind, closure.period);
    if (!sameTotals(expected, closure))
      problems.push({
        ...where,
        kind: "totals",
        detail: `closure ${closure.seq} (${closure.kind} ${closure.period}) no longer matches the journal's entries for that period`,
      });
    head = { seq: closure.seq, hash: closure.hash };
  }
  const check: JournalCheck = {
    checkedAt: options.now ?? Date.now(),
    ok: problems.length === 0,
    entries: entries.length,
    closures: closures.length,
    problems,
  };
  await saveJournalCheck(store.db, org.id, check);
  return check;
}

/** The ledger's fact of each entry: present, on the same invoice, for the same amount. */
async function checkFacts(
  store: Store,
  orgId: string,
  entries: readonly JournalEntry[],
  problems: ChainProblem[],
): Promise<void> {
  const facts = await findPaymentFacts(
    store.db,
    orgId,
    entries.map((e) => e.factId),
  );
  for (const entry of entries) {
    const fact = facts.get(entry.factId);
    if (
      fact?.type !== "payment" ||
      fact.amount !== entry.amount ||
      fact.invoice !== entry.invoice
    ) {
      problems.push({
        where: "entry",
        seq: entry.seq,
        kind: "fact",
        detail: `entry ${entry.seq}: the ledger's payment ${entry.factId} is missing or no longer says the same amount and invoice`,
      });
    }
  }
}
