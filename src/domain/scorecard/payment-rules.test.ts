import { describe, expect, it } from "vitest";
import type { Charter } from "../charter.ts";
import type { Fact } from "../facts.ts";
import {
  AS_OF,
  assess,
  at,
  buildInvoice,
  buildPayment,
  buildReminder,
  codes,
  day,
} from "./test-factories.ts";

type Row = [name: string, facts: () => Fact[], charter: Partial<Charter>, expected: boolean];

/** An invoice due on `due`, paid in full on `paid` (or left open when paid is null). */
function invoice(due: string, paid: string | null, issued = "2026-01-01", amount = 100_00): Fact[] {
  const inv = buildInvoice({ at: at(issued), due: at(due), amount });
  return paid === null ? [inv] : [inv, buildPayment({ invoice: inv.id, at: at(paid), amount })];
}

describe("unpaid", () => {
  // As of 2026-03-01: due 2026-01-29 is 31 days ago, due 2026-01-30 is 30 days ago.
  const rows: Row[] = [
    ["an open invoice due 31 days ago", () => invoice("2026-01-29", null), {}, true],
    ["an open invoice due exactly 30 days ago", () => invoice("2026-01-30", null), {}, false],
    ["an invoice paid in full", () => invoice("2026-01-29", "2026-02-27"), {}, false],
    [
      "an invoice paid in part",
      () => {
        const inv = buildInvoice({ due: at("2026-01-10") });
        return [inv, buildPayment({ invoice: inv.id, amount: 99_99, at: at("2026-01-10") })];
      },
      {},
      true,
    ],
    [
      "an invoice paid only after the as-of date",
      () => invoice("2026-01-10", "2026-03-02T00:00:00Z"),
      {},
      true,
    ],
    [
      "an invoice paid at the very as-of instant",
      () => invoice("2026-01-10", "2026-03-01T23:59:59.999Z"),
      {},
      false,
    ],
    [
      "an open invoice issued years ago (not only in the window)",
      () => invoice("2020-02-01", null, "2020-01-01"),
      {},
      true,
    ],
  ];
  it.each(rows)("%s", (_name, facts, charter, expected) => {
    expect(codes(assess(facts(), charter)).includes("unpaid")).toBe(expected);
  });

  it("says how much is owed and how long overdue, with the invoice as evidence", () => {
    const inv = buildInvoice({ id: "F-7", due: at("2026-01-10"), amount: 250_00 });
    const signal = assess([inv]).signals.find((s) => s.code === "unpaid");
    expect(signal?.evidence).toEqual(["F-7"]);
    expect(signal?.message).toContain("€250.00");
    expect(signal?.message).toContain("the oldest 50 days overdue");
  });

  it("flags a formal notice on the unpaid invoice, not on another one", () => {
    const open = buildInvoice({ due: at("2026-01-10") });
    const [paid, payment] = invoice("2026-01-10", "2026-01-09");
    const onOpen = assess([open, buildReminder({ invoice: open.id, level: 3 })]);
    const onOther = assess([open, paid, payment, buildReminder({ invoice: paid.id, level: 3 })]);
    const firm = assess([open, buildReminder({ invoice: open.id, level: 2 })]);
    expect(onOpen.unpaidAfterFormalNotice).toBe(true);
    expect(onOpen.signals.find((s) => s.code === "unpaid")?.message).toContain("formal notice");
    expect(onOther.unpaidAfterFormalNotice).toBe(false);
    expect(firm.unpaidAfterFormalNotice).toBe(false);
  });
});

describe("late_payer", () => {
  const late = (days: number) => () => [
    ...invoice("2026-01-10", `2026-01-${10 + days}`),
    ...invoice("2026-01-10", `2026-01-${10 + days}`),
  ];
  const rows: Row[] = [
    ["two invoices paid 8 days after due", late(8), {}, true],
    ["two invoices paid 7 days after due", late(7), {}, false],
    ["one invoice paid late", () => invoice("2026-01-10", "2026-01-25"), {}, false],
    [
      "one late invoice issued before the window",
      () => [
        ...invoice("2026-01-10", "2026-01-25"),
        ...invoice("2025-02-20", "2025-03-20", "2025-02-01"),
      ],
      {},
      false,
    ],
    [
      "the same with a 24-month window",
      () => [
        ...invoice("2026-01-10", "2026-01-25"),
        ...invoice("2025-02-20", "2025-03-20", "2025-02-01"),
      ],
      { window_months: 24 },
      true,
    ],
    [
      "invoices paid in full only by a second, late payment",
      () =>
        [1, 2].flatMap(() => {
          const inv = buildInvoice({ at: at("2026-01-01"), due: at("2026-01-10") });
          return [
            inv,
            buildPayment({ invoice: inv.id, at: at("2026-01-09"), amount: 50_00 }),
            buildPayment({ invoice: inv.id, at: at("2026-01-19"), amount: 50_00 }),
          ];
        }),
      {},
      true,
    ],
    [
      "two invoices still open (unpaid, not late payer)",
      () => [...invoice("2026-01-10", null), ...invoice("2026-01-10", null)],
      {},
      false,
    ],
  ];
  it.each(rows)("%s", (_name, facts, charter, expected) => {
    expect(codes(assess(facts(), charter)).includes("late_payer")).toBe(expected);
  });
});

describe("prompt_payer", () => {
  const onTime = () => invoice("2026-01-10", "2026-01-10T18:00:00Z");
  const rows: Row[] = [
    [
      "three invoices paid on their due date",
      () => [onTime(), onTime(), onTime()].flat(),
      {},
      true,
    ],
    ["two invoices paid on time", () => [onTime(), onTime()].flat(), {}, false],
    [
      "three on time and one a day late",
      () => [onTime(), onTime(), onTime(), invoice("2026-01-10", "2026-01-11")].flat(),
      {},
      false,
    ],
    [
      "three on time and one open but not yet due",
      () => [onTime(), onTime(), onTime(), invoice("2026-03-15", null, "2026-02-15")].flat(),
      {},
      true,
    ],
    [
      "three on time and one open past its due date",
      () => [onTime(), onTime(), onTime(), invoice("2026-02-27", null, "2026-02-01")].flat(),
      {},
      false,
    ],
    [
      "three on time, one of them issued before a 1-month window",
      () => [onTime(), onTime(), invoice("2026-02-20", "2026-02-20", "2026-02-10")].flat(),
      { window_months: 1 },
      false,
    ],
  ];
  it.each(rows)("%s", (_name, facts, charter, expected) => {
    expect(codes(assess(facts(), charter)).includes("prompt_payer")).toBe(expected);
  });
});

describe("outstanding", () => {
  it("sums amount minus payments over the invoices issued in the window, and over all of them in outstandingTotal", () => {
    const a = buildInvoice({ amount: 100_00, at: day(-400) });
    const b = buildInvoice({ amount: 50_00 });
    const later = buildInvoice({ amount: 999_00, at: day(1) });
    const facts = [
      a,
      b,
      later,
      buildPayment({ invoice: a.id, amount: 30_00 }),
      buildPayment({ invoice: b.id, amount: 50_00, at: day(2) }),
    ];
    // a is older than the window: owed, but not the window's outstanding.
    expect(assess(facts)).toMatchObject({ outstanding: 50_00, outstandingTotal: 70_00 + 50_00 });
  });

  it("counts an invoice issued exactly at the window's end, not one exactly at its start", () => {
    const start = buildInvoice({ amount: 10_00, at: Date.parse("2025-03-01T23:59:59.999Z") });
    const end = buildInvoice({ amount: 1_00, at: AS_OF });
    expect(assess([start, end])).toMatchObject({ outstanding: 1_00, outstandingTotal: 11_00 });
  });

  it("follows window_months", () => {
    const old = buildInvoice({ amount: 10_00, at: day(-200) });
    const recent = buildInvoice({ amount: 1_00, at: day(-100) });
    expect(assess([old, recent], { window_months: 6 }).outstanding).toBe(1_00);
    expect(assess([old, recent], { window_months: 7 }).outstanding).toBe(11_00);
  });
});
