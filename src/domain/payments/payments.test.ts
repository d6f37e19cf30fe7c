/** The payment journal's pure rules: the chain, closures by civil period, the counter's checks. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkMovement } from "./balances.ts";
import { closureTotals, dueClosures, localDay } from "./closures.ts";
import {
  canonicalEntry,
  chainEntry,
  GENESIS_HASH,
  type JournalEntry,
  verifyEntries,
} from "./payment-journal.ts";

const sha = (text: string) => createHash("sha256").update(text).digest("hex");
const at = (iso: string) => Date.parse(iso);

function journal(rows: [recordedAt: string, amount: number, method: JournalEntry["method"]][]) {
  const entries: JournalEntry[] = [];
  for (const [i, [recordedAt, amount, method]] of rows.entries()) {
    entries.push(
      chainEntry(
        "org-1",
        entries.at(-1),
        {
          kind: amount < 0 ? "refund" : "payment",
          factId: `pay-${i}`,
          invoice: "2026-0001",
          customer: "ana",
          amount,
          currency: "EUR",
          method,
          paidAt: at(recordedAt),
          recordedBy: "u1",
          recordedByName: "Léa",
          recordedAt: at(recordedAt),
        },
        sha,
      ),
    );
  }
  return entries;
}

describe("the chain", () => {
  const entries = journal([
    ["2026-11-30T10:00:00Z", 30_00, "cash"],
    ["2026-11-30T11:00:00Z", 70_00, "card"],
    ["2026-12-01T09:00:00Z", -10_00, "card"],
  ]);

  it("links each entry to the one before, from the genesis hash", () => {
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]?.prevHash).toBe(GENESIS_HASH);
    expect(entries[2]?.prevHash).toBe(entries[1]?.hash);
    expect(verifyEntries("org-1", entries, { seq: 0, hash: GENESIS_HASH }, sha).problems).toEqual(
      [],
    );
  });

  it("hashes a fixed-order text that names the organization", () => {
    const { hash, ...content } = entries[0] as JournalEntry;
    expect(canonicalEntry("org-1", content)).toMatch(
      /^\["comptoir-payment-journal\/1","org-1",1,"payment","pay-0"/,
    );
    expect(sha(canonicalEntry("org-1", content))).toBe(hash);
    // The same entry in another organization's chain does not verify.
    expect(
      verifyEntries("org-2", entries, { seq: 0, hash: GENESIS_HASH }, sha).problems,
    ).toHaveLength(3);
  });

  it.each([
    ["an amount changed", (e: JournalEntry[]) => [{ ...e[0], amount: 1 }, e[1], e[2]], ["hash"]],
    ["an entry removed", (e: JournalEntry[]) => [e[0], e[2]], ["gap", "link"]],
    [
      "two entries swapped",
      (e: JournalEntry[]) => [e[1], e[0], e[2]],
      ["gap", "link", "gap", "link", "gap", "link"],
    ],
    [
      "an entry rehashed alone",
      (e: JournalEntry[]) => {
        const { hash: _h, ...c } = { ...(e[1] as JournalEntry), amount: 1 };
        return [e[0], { ...c, hash: sha(canonicalEntry("org-1", c)) }, e[2]];
      },
      ["link"],
    ],
  ] as const)("finds %s", (_name, alter, kinds) => {
    const altered = alter(entries) as JournalEntry[];
    const problems = verifyEntries("org-1", altered, { seq: 0, hash: GENESIS_HASH }, sha).problems;
    expect(problems.map((p) => p.kind)).toEqual(kinds);
  });
});

describe("closures", () => {
  it.each([
    ["2026-11-30T22:59:59Z", "Europe/Paris", "2026-11-30"],
    ["2026-11-30T23:00:00Z", "Europe/Paris", "2026-12-01"],
    ["2026-07-01T03:00:00Z", "America/New_York", "2026-06-30"],
    ["2026-07-01T03:00:00Z", "UTC", "2026-07-01"],
  ])("puts %s on the civil day of %s: %s", (instant, zone, day) => {
    expect(localDay(at(instant), zone)).toBe(day);
  });

  const entries = journal([
    ["2026-11-30T10:00:00Z", 30_00, "cash"],
    ["2026-11-30T23:30:00Z", 70_00, "card"], // 1 December in Paris
    ["2026-12-31T12:00:00Z", 50_00, "cheque"],
    ["2027-01-01T12:00:00Z", -20_00, "card"],
  ]);

  it.each([
    ["the same day: nothing", "2026-11-30T20:00:00Z", []],
    [
      "the next day, the first of a month: the day and its month",
      "2026-12-01T10:00:00Z",
      ["day 2026-11-30", "month 2026-11"],
    ],
    [
      "a day later: the new day too",
      "2026-12-02T10:00:00Z",
      ["day 2026-11-30", "month 2026-11", "day 2026-12-01"],
    ],
    [
      "the next year: every day, month and the year, in that order",
      "2027-01-01T10:00:00Z",
      [
        "day 2026-11-30",
        "month 2026-11",
        "day 2026-12-01",
        "day 2026-12-31",
        "month 2026-12",
        "year 2026",
      ],
    ],
  ] as const)("closes at %s", (_name, asOf, expected) => {
    const due = dueClosures(entries, new Set(), at(asOf), "Europe/Paris");
    expect(due.map((c) => `${c.kind} ${c.period}`)).toEqual(expected);
  });

  it("leaves out what is closed already", () => {
    const due = dueClosures(
      entries,
      new Set(["day:2026-11-30", "month:2026-11"]),
      at("2026-12-02T10:00:00Z"),
      "Europe/Paris",
    );
    expect(due.map((c) => `${c.kind} ${c.period}`)).toEqual(["day 2026-12-01"]);
  });

  it("adds up a period by method, with refunds negative, and the perpetual total to its end", () => {
    const days = entries.map((e) => localDay(e.recordedAt, "Europe/Paris"));
    expect(closureTotals(entries, days, "month", "2026-12")).toMatchObject({
      entries: 2,
      total: 120_00,
      byMethod: { cash: 0, card: 70_00, transfer: 0, cheque: 50_00 },
      perpetualTotal: 150_00,
      journalSeq: 3,
    });
    expect(closureTotals(entries, days, "year", "2027")).toMatchObject({
      entries: 1,
      total: -20_00,
      byMethod: { card: -20_00 },
      perpetualTotal: 130_00,
      journalSeq: 4,
    });
  });
});

describe("what the counter accepts", () => {
  it.each([
    ["a part payment", "payment", 40_00, 100_00, { ok: true }],
    ["the whole balance", "payment", 100_00, 100_00, { ok: true }],
    ["one cent too much", "payment", 100_01, 100_00, { ok: false, reason: "overpayment" }],
    ["a payment on a settled invoice", "payment", 1, 0, { ok: false, reason: "nothing_due" }],
    [
      "a payment on an invoice in credit",
      "payment",
      1,
      -30_00,
      { ok: false, reason: "nothing_due" },
    ],
    ["a refund of the credit", "refund", 30_00, -30_00, { ok: true }],
    [
      "a refund beyond the credit",
      "refund",
      30_01,
      -30_00,
      { ok: false, reason: "refund_exceeds_credit" },
    ],
    ["a refund with no credit", "refund", 1, 0, { ok: false, reason: "no_credit" }],
  ] as const)("%s", (_name, kind, amount, balance, expected) => {
    expect(checkMovement(kind, amount, balance)).toEqual(expected);
  });
});
