import { describe, expect, it } from "vitest";
import type { Charter } from "../charter.ts";
import type { Fact } from "../facts.ts";
import {
  assess,
  at,
  buildCustomer,
  buildFeedback,
  buildOrder,
  codes,
  day,
} from "./test-factories.ts";

type Row = [
  name: string,
  facts: () => Fact[],
  charter: Partial<Charter>,
  since: string,
  expected: boolean,
];

describe("loyal", () => {
  const orders =
    (...dates: string[]) =>
    () =>
      dates.map((d) => buildOrder({ at: at(d) }));
  const rows: Row[] = [
    [
      "2 years to the day, orders in 2 years",
      orders("2024-03-10", "2025-01-10"),
      {},
      "2024-03-01",
      true,
    ],
    [
      "one day short of 2 years",
      orders("2024-03-10", "2025-01-10"),
      {},
      "2024-03-02T12:00:00Z",
      false,
    ],
    [
      "2 years, but all orders in one year",
      orders("2024-04-10", "2024-05-10"),
      {},
      "2024-01-01",
      false,
    ],
    [
      "an order older than the customer record sets the start",
      orders("2023-06-01", "2025-01-10"),
      {},
      "2025-01-01",
      true,
    ],
    [
      "3 orders in the window",
      orders("2025-06-01", "2025-07-01", "2025-08-01"),
      {},
      "2025-05-01",
      true,
    ],
    ["2 orders in the window", orders("2025-06-01", "2025-07-01"), {}, "2025-05-01", false],
    [
      "3 orders 7 to 9 months ago with a 6-month window",
      orders("2025-06-01", "2025-07-01", "2025-08-01"),
      { window_months: 6 },
      "2025-05-01",
      false,
    ],
  ];
  it.each(rows)("%s", (_name, facts, charter, since, expected) => {
    const customer = buildCustomer({ at: at(since) });
    expect(codes(assess(facts(), charter, customer)).includes("loyal")).toBe(expected);
  });

  it("explains tenure with the customer record and the first order of each year", () => {
    const facts = orders("2024-03-10", "2024-06-10", "2025-01-10")();
    const customer = buildCustomer({ id: "c1", at: at("2023-01-01") });
    const signal = assess(facts, {}, customer).signals.find((s) => s.code === "loyal");
    expect(signal?.evidence).toEqual(["c1", facts[0].id, facts[2].id]);
    expect(signal?.message).toBe("A customer for 3 years, with orders in 2 different years");
  });
});

describe("promoter and detractor", () => {
  const scored = (...scores: (number | undefined)[]) =>
    scores.map((score, i) => buildFeedback({ score, at: day(-100 + i) }));
  it.each([
    [10, "promoter"],
    [9, "promoter"],
    [8, undefined],
    [7, undefined],
    [6, "detractor"],
    [0, "detractor"],
  ] as const)("reads a latest score of %i as %s", (score, expected) => {
    const found = codes(assess(scored(score))).filter((c) => c === "promoter" || c === "detractor");
    expect(found).toEqual(expected ? [expected] : []);
  });

  it("uses the latest feedback with a score", () => {
    expect(codes(assess(scored(10, 3)))).toContain("detractor");
    expect(codes(assess(scored(3, 10)))).toContain("promoter");
    expect(codes(assess(scored(10, undefined)))).toContain("promoter");
  });

  it("ignores feedback given after the as-of date", () => {
    const facts = [
      buildFeedback({ score: 10, at: day(-5) }),
      buildFeedback({ score: 2, at: day(1) }),
    ];
    const signal = assess(facts).signals.find((s) => s.code === "promoter");
    expect(signal?.evidence).toEqual([facts[0].id]);
    expect(codes(assess(facts))).not.toContain("detractor");
  });

  it("ignores feedback about another customer", () => {
    expect(codes(assess([buildFeedback({ score: 0, customer: "c2" })]))).toEqual([]);
  });
});
