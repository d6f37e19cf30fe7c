/**
 * Archives of the payment journal (docs/payments.md): a period's entries and closures with
 * their hashes, in one JSON file an auditor can keep, and their verification without the
 * database (`comptoir payments verify --file archive.json`). An archive holds the hash of the
 * entry just before its first one, so its chain is checked from there to its last entry.
 */
import { AppError } from "../../domain/errors.ts";
import {
  type Closure,
  type ClosureKind,
  canonicalClosure,
  closureTotals,
  localDay,
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
  journalEntryAt,
  listClosures,
  listJournalEntries,
} from "../../store/payment-journal-repository.ts";
import { sha256 } from "./payment-support.ts";

export const ARCHIVE_FORMAT = "comptoir-payment-archive/1";

type Iso<T, K extends keyof T> = Omit<T, K> & { [P in K]: string };
export type ArchivedEntry = Iso<JournalEntry, "paidAt" | "recordedAt">;
export type ArchivedClosure = Iso<Closure, "closedAt">;

export interface JournalArchive {
  format: typeof ARCHIVE_FORMAT;
  organization: { id: string; slug: string; name: string; timeZone: string };
  /** Civil days in the organization's zone, both included. */
  from: string;
  to: string;
  generatedAt: string;
  /** The entry before the first one archived (seq 0 and the genesis hash at the start). */
  before: { seq: number; hash: string };
  entries: ArchivedEntry[];
  /** The closures of days, months and years inside [from, to]. */
  closures: ArchivedClosure[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function exportJournalArchive(
  store: Store,
  org: Organization,
  range: { from: string; to: string; now?: number },
): Promise<JournalArchive> {
  for (const field of ["from", "to"] as const)
    if (!DAY.test(range[field]))
      throw new AppError("BAD_INPUT", `${field}: must be a date (2026-03-01)`);
  if (range.from > range.to) throw new AppError("BAD_INPUT", "to: is before from");
  const entries: JournalEntry[] = [];
  let after = 0;
  for (;;) {
    const chunk = await listJournalEntries(store.db, org.id, { afterSeq: after, limit: 5000 });
    for (const e of chunk) {
      const day = localDay(e.recordedAt, org.time_zone);
      if (day >= range.from && day <= range.to) entries.push(e);
    }
    if (chunk.length < 5000) break;
    after = chunk.at(-1)?.seq ?? after;
  }
  const first = entries[0];
  const previous =
    first && first.seq > 1 ? await journalEntryAt(store.db, org.id, first.seq - 1) : undefined;
  const closures = (await listClosures(store.db, org.id)).filter((c) =>
    inRange(c.kind, c.period, range.from, range.to),
  );
  return {
    format: ARCHIVE_FORMAT,
    organization: { id: org.id, slug: org.slug, name: org.name, timeZone: org.time_zone },
    from: range.from,
    to: range.to,
    generatedAt: new Date(range.now ?? Date.now()).toISOString(),
    before: previous ? { seq: previous.seq, hash: previous.hash } : { seq: 0, hash: GENESIS_HASH },
    entries: entries.map((e) => ({
      ...e,
      paidAt: new Date(e.paidAt).toISOString(),
      recordedAt: new Date(e.recordedAt).toISOString(),
    })),
    closures: closures.map((c) => ({ ...c, closedAt: new Date(c.closedAt).toISOString() })),
  };
}

/** A period inside [from, to]: a day between them, a month or year wholly inside. */
function inRange(kind: ClosureKind, period: string, from: string, to: string): boolean {
  if (kind === "day") return period >= from && period <= to;
  const first = kind === "month" ? `${period}-01` : `${period}-01-01`;
  const [year, month] = period.split("-").map(Number) as [number, number | undefined];
  // The month's own last day (30 November, 28 or 29 February), or 31 December.
  const last =
    month === undefined
      ? `${period}-12-31`
      : `${period}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, "0")}`;
  return first >= from && last <= to;
}

export interface ArchiveCheck {
  ok: boolean;
  entries: number;
  closures: number;
  problems: ChainProblem[];
}

/** Verifies an archive file's content on its own (no database). */
export function verifyJournalArchive(archive: unknown): ArchiveCheck {
  const a = archive as Partial<JournalArchive> | null;
  if (
    !a ||
    a.format !== ARCHIVE_FORMAT ||
    !Array.isArray(a.entries) ||
    !Array.isArray(a.closures) ||
    !a.organization ||
    !a.before
  )
    throw new AppError("BAD_INPUT", `file: not a payment journal archive (${ARCHIVE_FORMAT})`);
  const orgId = a.organization.id;
  const entries: JournalEntry[] = a.entries.map((e) => ({
    ...e,
    paidAt: Date.parse(e.paidAt),
    recordedAt: Date.parse(e.recordedAt),
  }));
  const { problems } = verifyEntries(orgId, entries, a.before, sha256);
  const days = entries.map((e) => localDay(e.recordedAt, a.organization?.timeZone ?? "UTC"));
  let previous: Closure | undefined;
  for (const archived of a.closures) {
    const closure: Closure = { ...archived, closedAt: Date.parse(archived.closedAt) };
    const where = { where: "closure" as const, seq: closure.seq };
    const { hash, ...content } = closure;
    if (sha256(canonicalClosure(orgId, content)) !== hash)
      problems.push({
        ...where,
        kind: "hash",
        detail: `closure ${closure.seq} (${closure.kind} ${closure.period}) was changed after it was written`,
      });
    if (previous && closure.seq === previous.seq + 1 && closure.prevHash !== previous.hash)
      problems.push({
        ...where,
        kind: "link",
        detail: `closure ${closure.seq} does not name the hash of closure ${previous.seq}`,
      });
    // The period's own totals (the perpetual total needs entries before the archive).
    const expected = closureTotals(entries, days, closure.kind, closure.period);
    if (expected.entries !== closure.entries || expected.total !== closure.total)
      problems.push({
        ...where,
        kind: "totals",
        detail: `closure ${closure.seq} (${closure.kind} ${closure.period}) does not match the archived entries of that period`,
      });
    previous = closure;
  }
  return {
    ok: problems.length === 0,
    entries: entries.length,
    closures: a.closures.length,
    problems,
  };
}
