/**
 * The unalterable payment journal (art. 286 I 3° bis CGI, docs/payments.md): every payment or
 * refund recorded in the app is an entry, chained to the one before it by a SHA-256 hash over
 * a canonical serialisation. Pure: the hash function is given by the caller (the domain
 * imports nothing outside itself).
 */

export const PAYMENT_METHODS = ["cash", "card", "transfer", "cheque"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const isPaymentMethod = (value: unknown): value is PaymentMethod =>
  typeof value === "string" && (PAYMENT_METHODS as readonly string[]).includes(value);

/** The hash before the first entry (and before the first closure) of an organization. */
export const GENESIS_HASH = "0".repeat(64);

/** Version tag inside every canonical text: a new layout gets a new tag, old entries keep theirs. */
export const JOURNAL_FORMAT = "comptoir-payment-journal/1";

export interface JournalEntry {
  /** 1, 2, 3... per organization, without gaps. */
  seq: number;
  kind: "payment" | "refund";
  /** The `payment` fact's id. */
  factId: string;
  invoice: string;
  customer: string;
  /** Minor units; negative for a refund. */
  amount: number;
  currency: string;
  method: PaymentMethod;
  /** The payment's date (the fact's `at`), epoch ms. */
  paidAt: number;
  /** The member who recorded it (user id) and their name at that moment. */
  recordedBy: string;
  recordedByName: string;
  /** When it was written (epoch ms): closures group entries by this instant. */
  recordedAt: number;
  prevHash: string;
  hash: string;
}

/**
 * The text an entry's hash is computed over: a JSON array in a fixed order, so that no key
 * order, spacing or number format can change it. The organization's id is inside: an entry
 * cannot be moved to another organization's chain.
 * @example canonicalEntry("org-1", entry) // '["comptoir-payment-journal/1","org-1",1,"payment",...]'
 */
export function canonicalEntry(orgId: string, e: Omit<JournalEntry, "hash">): string {
  return JSON.stringify([
    JOURNAL_FORMAT,
    orgId,
    e.seq,
    e.kind,
    e.factId,
    e.invoice,
    e.customer,
    e.amount,
    e.currency,
    e.method,
    new Date(e.paidAt).toISOString(),
    e.recordedBy,
    e.recordedByName,
    new Date(e.recordedAt).toISOString(),
    e.prevHash,
  ]);
}

export type HashText = (text: string) => string;

/** A break found by verification, in words an owner can act on (and its place). */
export interface ChainProblem {
  /** `entry` or `closure`, and its sequence number. */
  where: "entry" | "closure";
  seq: number;
  kind: "hash" | "link" | "gap" | "totals" | "fact";
  detail: string;
}

/**
 * Checks a run of entries, in sequence order, against the hash of the entry before the run
 * (GENESIS_HASH from the start). Returns the problems found and the last hash, so that a long
 * journal is checked chunk by chunk.
 */
export function verifyEntries(
  orgId: string,
  entries: readonly JournalEntry[],
  before: { seq: number; hash: string },
  hashText: HashText,
): { problems: ChainProblem[]; last: { seq: number; hash: string } } {
  const problems: ChainProblem[] = [];
  let last = before;
  for (const entry of entries) {
    if (entry.seq !== last.seq + 1) {
      problems.push({
        where: "entry",
        seq: entry.seq,
        kind: "gap",
        detail: `entry ${entry.seq} follows entry ${last.seq}: entries are missing`,
      });
    }
    if (entry.prevHash !== last.hash) {
      problems.push({
        where: "entry",
        seq: entry.seq,
        kind: "link",
        detail: `entry ${entry.seq} does not name the hash of entry ${last.seq}`,
      });
    }
    const { hash, ...content } = entry;
    if (hashText(canonicalEntry(orgId, content)) !== hash) {
      problems.push({
        where: "entry",
        seq: entry.seq,
        kind: "hash",
        detail: `entry ${entry.seq} was changed after it was written (its hash no longer matches)`,
      });
    }
    last = { seq: entry.seq, hash: entry.hash };
  }
  return { problems, last };
}

/** The next entry after `head` (undefined: the first), hashed. */
export function chainEntry(
  orgId: string,
  head: { seq: number; hash: string } | undefined,
  content: Omit<JournalEntry, "seq" | "prevHash" | "hash">,
  hashText: HashText,
): JournalEntry {
  const unhashed = {
    ...content,
    seq: (head?.seq ?? 0) + 1,
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  return { ...unhashed, hash: hashText(canonicalEntry(orgId, unhashed)) };
}
