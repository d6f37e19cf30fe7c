/**
 * Daily, monthly and yearly closures of the payment journal (docs/payments.md): the totals of
 * a complete period, by method, and the perpetual total since the first entry, each closure
 * chained to the one before it as journal entries are. Periods are civil days, months and
 * years in the organization's time zone, by the instant an entry was recorded.
 */
import {
  GENESIS_HASH,
  type HashText,
  type JournalEntry,
  PAYMENT_METHODS,
  type PaymentMethod,
} from "./payment-journal.ts";

export const CLOSURE_KINDS = ["day", "month", "year"] as const;
export type ClosureKind = (typeof CLOSURE_KINDS)[number];

export const CLOSURE_FORMAT = "comptoir-payment-closure/1";

/** What a closure says, computed from the journal alone (so verification can recompute it). */
export interface ClosureTotals {
  kind: ClosureKind;
  /** `2026-12-07`, `2026-12` or `2026`. */
  period: string;
  entries: number;
  /** Sum of the period's entries (refunds negative), minor units. */
  total: number;
  byMethod: Record<PaymentMethod, number>;
  /** Sum of every entry recorded up to the period's end. */
  perpetualTotal: number;
  /** The journal's last entry at the period's end: the closure seals the chain up to it. */
  journalSeq: number;
  journalHash: string;
}

export interface Closure extends ClosureTotals {
  seq: number;
  closedAt: number;
  prevHash: string;
  hash: string;
}

/** `2026-12-07` in the zone. */
export function localDay(instant: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

const periodOf = (day: string, kind: ClosureKind): string =>
  kind === "day" ? day : kind === "month" ? day.slice(0, 7) : day.slice(0, 4);

/** The last day a period covers, as a key that sorts with days (`2026-12-99` for December). */
const periodEnd = (kind: ClosureKind, period: string): string =>
  kind === "day" ? period : kind === "month" ? `${period}-99` : `${period}-99-99`;

const zeroByMethod = (): Record<PaymentMethod, number> =>
  Object.fromEntries(PAYMENT_METHODS.map((m) => [m, 0])) as Record<PaymentMethod, number>;

/**
 * The closures due at `asOf`: every complete period (the local day of `asOf` is after it)
 * holding at least one entry and not closed yet, oldest first (a day before its month, a
 * month before its year). `entries` is the whole journal in sequence order.
 */
export function dueClosures(
  entries: readonly JournalEntry[],
  closed: ReadonlySet<string>,
  asOf: number,
  timeZone: string,
): ClosureTotals[] {
  const today = localDay(asOf, timeZone);
  const days = entries.map((e) => localDay(e.recordedAt, timeZone));
  const wanted = new Map<string, { kind: ClosureKind; period: string }>();
  for (const day of days) {
    for (const kind of CLOSURE_KINDS) {
      const period = periodOf(day, kind);
      const key = `${kind}:${period}`;
      if (closed.has(key) || wanted.has(key)) continue;
      if (periodOf(today, kind) > period) wanted.set(key, { kind, period });
    }
  }
  const order = (c: { kind: ClosureKind; period: string }) => periodEnd(c.kind, c.period);
  return [...wanted.values()]
    .sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
    .map((c) => closureTotals(entries, days, c.kind, c.period));
}

/** The totals of one period, from the whole journal and each entry's local day. */
export function closureTotals(
  entries: readonly JournalEntry[],
  days: readonly string[],
  kind: ClosureKind,
  period: string,
): ClosureTotals {
  const end = periodEnd(kind, period);
  const byMethod = zeroByMethod();
  let count = 0;
  let total = 0;
  let perpetualTotal = 0;
  let journalSeq = 0;
  let journalHash = GENESIS_HASH;
  entries.forEach((entry, i) => {
    const day = days[i] as string;
    if (day > end) return;
    perpetualTotal += entry.amount;
    if (entry.seq > journalSeq) {
      journalSeq = entry.seq;
      journalHash = entry.hash;
    }
    if (periodOf(day, kind) !== period) return;
    count += 1;
    total += entry.amount;
    byMethod[entry.method] += entry.amount;
  });
  return { kind, period, entries: count, total, byMethod, perpetualTotal, journalSeq, journalHash };
}

/** The canonical text of a closure (fixed order, methods in PAYMENT_METHODS order). */
export function canonicalClosure(orgId: string, c: Omit<Closure, "hash">): string {
  return JSON.stringify([
    CLOSURE_FORMAT,
    orgId,
    c.seq,
    c.kind,
    c.period,
    c.entries,
    c.total,
    PAYMENT_METHODS.map((m) => c.byMethod[m]),
    c.perpetualTotal,
    c.journalSeq,
    c.journalHash,
    new Date(c.closedAt).toISOString(),
    c.prevHash,
  ]);
}

export function chainClosure(
  orgId: string,
  head: { seq: number; hash: string } | undefined,
  totals: ClosureTotals,
  closedAt: number,
  hashText: HashText,
): Closure {
  const unhashed = {
    ...totals,
    seq: (head?.seq ?? 0) + 1,
    prevHash: head?.hash ?? GENESIS_HASH,
    closedAt,
  };
  return { ...unhashed, hash: hashText(canonicalClosure(orgId, unhashed)) };
}

/** Same totals (what verification compares a stored closure with). */
export function sameTotals(a: ClosureTotals, b: ClosureTotals): boolean {
  return (
    a.entries === b.entries &&
    a.total === b.total &&
    a.perpetualTotal === b.perpetualTotal &&
    a.journalSeq === b.journalSeq &&
    a.journalHash === b.journalHash &&
    PAYMENT_METHODS.every((m) => a.byMethod[m] === b.byMethod[m])
  );
}
