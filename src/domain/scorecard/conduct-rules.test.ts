import { describe, expect, it } from "vitest";
import type { Charter } from "../charter.ts";
import type { Fact } from "../facts.ts";
import {
  assess,
  at,
  buildComplaint,
  buildIncident,
  buildOrder,
  buildReturn,
  codes,
  day,
} from "./test-factories.ts";

type Row = [name: string, facts: () => Fact[], charter: Partial<Charter>, expected: boolean];

// With window_months 6, the window before AS_OF starts (excluded) at this instant.
const SIX_MONTHS = Date.parse("2025-09-01T23:59:59.999Z");

describe("abusive", () => {
  const rows: Row[] = [
    ["one threat, years ago", () => [buildIncident({ severity: 3, at: day(-900) })], {}, true],
    ["one insult", () => [buildIncident({ severity: 2 })], {}, false],
    [
      "two insults in the window",
      () => [buildIncident({ severity: 2 }), buildIncident({ severity: 2, at: day(-300) })],
      {},
      true,
    ],
    [
      "an insult and a rude word in the window",
      () => [buildIncident({ severity: 2 }), buildIncident({ severity: 1 })],
      {},
      false,
    ],
    [
      "two insults, one before the window",
      () => [buildIncident({ severity: 2 }), buildIncident({ severity: 2, at: day(-400) })],
      {},
      false,
    ],
    [
      "the same with a 24-month window",
      () => [buildIncident({ severity: 2 }), buildIncident({ severity: 2, at: day(-400) })],
      { window_months: 24 },
      true,
    ],
    [
      "one insult, with zero tolerance from severity 2",
      () => [buildIncident({ severity: 2, at: day(-900) })],
      { zero_tolerance_severity: 2 },
      true,
    ],
  ];
  it.each(rows)("%s", (_name, facts, charter, expected) => {
    expect(codes(assess(facts(), charter)).includes("abusive")).toBe(expected);
  });

  it("names the incidents as evidence, oldest first", () => {
    const facts = [
      buildIncident({ id: "late", severity: 2, at: day(-5) }),
      buildIncident({ id: "early", severity: 2, at: day(-50) }),
      buildIncident({ id: "mild", severity: 1 }),
    ];
    const signal = assess(facts).signals.find((s) => s.code === "abusive");
    expect(signal?.evidence).toEqual(["early", "late"]);
    expect(signal?.message).toBe("2 incidents of severity 2 or more in 12 months");
  });
});

describe("warranty_gaming", () => {
  // Delivered 2026-01-01 with the default 30-day warranty: it ends on 2026-01-31.
  const sold = (input: Parameters<typeof buildOrder>[0] = {}) =>
    buildOrder({ at: at("2025-12-20"), delivered: at("2026-01-01T10:00:00Z"), ...input });
  const gamed = (returnedOn: string, count = 2, input = {}) =>
    Array.from({ length: count }, () => {
      const order = sold(input);
      return [order, buildReturn({ order: order.id, at: at(`${returnedOn}T16:00:00Z`) })];
    }).flat();
  const plainReturns = (count: number) =>
    Array.from({ length: count }, () => {
      const order = sold();
      return [order, buildReturn({ order: order.id, at: at("2026-01-05") })];
    }).flat();
  const rows: Row[] = [
    ["two returns 6 days before the end", () => gamed("2026-01-25"), {}, true],
    ["two returns 7 days before the end", () => gamed("2026-01-24"), {}, false],
    ["two returns on the last day", () => gamed("2026-01-31"), {}, true],
    ["two returns the day after the end", () => gamed("2026-02-01"), {}, false],
    ["one return near the end", () => gamed("2026-01-25", 1), {}, false],
    [
      "two late returns out of three (two thirds)",
      () => [...gamed("2026-01-25"), ...plainReturns(1)],
      {},
      true,
    ],
    ["two late returns out of four", () => [...gamed("2026-01-25"), ...plainReturns(2)], {}, false],
    [
      // 2025-09-01 is after a 30-day warranty from 2025-06-01, 8 days before a 100-day one.
      "returns 8 days before a 100-day charter warranty ends (10 % = 10 days)",
      () => gamed("2025-09-01", 2, { at: at("2025-06-01"), delivered: at("2025-06-01") }),
      { warranty_days: 100 },
      true,
    ],
    [
      // A 100-day warranty from 2025-06-01 ends on 2025-09-09; its last 10 % is 10 days.
      "returns 9 days before a 100-day warranty ends (just inside its last 10 %)",
      () => gamed("2025-08-31", 2, { at: at("2025-06-01"), delivered: at("2025-06-01") }),
      { warranty_days: 100 },
      true,
    ],
    [
      "returns 10 days before a 100-day warranty ends (just outside its last 10 %)",
      () => gamed("2025-08-30", 2, { at: at("2025-06-01"), delivered: at("2025-06-01") }),
      { warranty_days: 100 },
      false,
    ],
    [
      "returns on the last day of a 100-day warranty",
      () => gamed("2025-09-09", 2, { at: at("2025-06-01"), delivered: at("2025-06-01") }),
      { warranty_days: 100 },
      true,
    ],
    [
      // 10 % of 60 days is 6: the 7-day floor holds.
      "returns 6 days before a 60-day warranty ends (the 7-day floor)",
      () => gamed("2025-07-25", 2, { at: at("2025-06-01"), delivered: at("2025-06-01") }),
      { warranty_days: 60 },
      true,
    ],
    [
      "returns 7 days before a 60-day warranty ends",
      () => gamed("2025-07-24", 2, { at: at("2025-06-01"), delivered: at("2025-06-01") }),
      { warranty_days: 60 },
      false,
    ],
    [
      "the same returns with the default 30-day warranty",
      () => gamed("2025-09-01", 2, { at: at("2025-06-01"), delivered: at("2025-06-01") }),
      {},
      false,
    ],
    [
      "the order's own warranty_days wins over the charter",
      () =>
        gamed("2025-09-01", 2, {
          at: at("2025-06-01"),
          delivered: undefined,
          warranty_days: 100,
        }),
      {},
      true,
    ],
    [
      "the return's own warranty_end",
      () =>
        [1, 2].flatMap(() => {
          const order = sold();
          const ret = buildReturn({
            order: order.id,
            at: at("2026-02-05"),
            warranty_end: at("2026-02-10"),
          });
          return [order, ret];
        }),
      {},
      true,
    ],
    [
      "returns whose order is missing and give no warranty end",
      () => [buildReturn({ order: "gone" }), buildReturn({ order: "gone" })],
      {},
      false,
    ],
  ];
  it.each(rows)("%s", (_name, facts, charter, expected) => {
    expect(codes(assess(facts(), charter)).includes("warranty_gaming")).toBe(expected);
  });

  it("names mixed returns and the share they make", () => {
    const [a, b, c] = [sold(), sold(), sold()];
    const facts = [
      a,
      b,
      c,
      buildReturn({ order: a.id, at: at("2026-01-25"), kind: "exchange" }),
      buildReturn({ order: b.id, at: at("2026-01-29"), kind: "refund" }),
      buildReturn({ order: c.id, at: at("2026-01-05") }),
    ];
    expect(assess(facts).signals.find((s) => s.code === "warranty_gaming")?.message).toBe(
      "2 returns, each less than 7 days before the warranty ended (2 to 6 days before), out of 3 returns in all",
    );
  });

  it("explains itself with the returns as evidence", () => {
    const facts = gamed("2026-01-27", 3);
    const ids = facts.filter((f) => f.type === "return").map((f) => f.id);
    const en = assess(facts).signals.find((s) => s.code === "warranty_gaming");
    expect(en?.evidence).toEqual(ids);
    expect(en?.message).toBe(
      "3 exchanges, each less than 7 days before the warranty ended (4 days before)",
    );
  });
});

describe("unfounded_complaints", () => {
  const complaints = (...faults: ("customer" | "ours" | "material")[]) =>
    faults.map((fault) => buildComplaint({ fault }));
  const rows: Row[] = [
    [
      "three complaints that were the customer's fault",
      () => complaints("customer", "customer", "customer"),
      {},
      true,
    ],
    ["two of theirs and one of ours", () => complaints("customer", "customer", "ours"), {}, false],
    [
      "two of theirs and one about the material",
      () => complaints("customer", "customer", "material"),
      {},
      false,
    ],
    [
      "three of theirs, one before the window",
      () => [
        ...complaints("customer", "customer"),
        buildComplaint({ fault: "customer", at: day(-400) }),
      ],
      {},
      false,
    ],
    [
      "three of theirs, one just inside a 6-month window",
      () => [
        ...complaints("customer", "customer"),
        buildComplaint({ fault: "customer", at: SIX_MONTHS + 1 }),
      ],
      { window_months: 6 },
      true,
    ],
    [
      "three of theirs, one exactly at a 6-month window's start",
      () => [
        ...complaints("customer", "customer"),
        buildComplaint({ fault: "customer", at: SIX_MONTHS }),
      ],
      { window_months: 6 },
      false,
    ],
    [
      "complaints without a fault",
      () => [1, 2, 3].map(() => buildComplaint({ fault: undefined })),
      {},
      false,
    ],
  ];
  it.each(rows)("%s", (_name, facts, charter, expected) => {
    expect(codes(assess(facts(), charter)).includes("unfounded_complaints")).toBe(expected);
  });
});

describe("serial_returner", () => {
  const customer =
    (returns: number, orders: number, returnDay = -10) =>
    () => {
      const list = Array.from({ length: orders }, () => buildOrder());
      return [
        ...list,
        ...Array.from({ length: returns }, (_, i) =>
          buildReturn({ order: list[i % list.length].id, at: day(returnDay), kind: "refund" }),
        ),
      ];
    };
  const rows: Row[] = [
    ["3 returns for 6 orders", customer(3, 6), {}, true],
    ["3 returns for 7 orders", customer(3, 7), {}, false],
    ["2 returns for 2 orders", customer(2, 2), {}, false],
    ["3 returns for 6 orders, the returns 8 months ago", customer(3, 6, -240), {}, true],
    ["the same with a 6-month window", customer(3, 6, -240), { window_months: 6 }, false],
  ];
  it.each(rows)("%s", (_name, facts, charter, expected) => {
    expect(codes(assess(facts(), charter)).includes("serial_returner")).toBe(expected);
  });
});
