import { describe, expect, it } from "vitest";
import type { Charter } from "../charter.ts";
import type { Fact } from "../facts.ts";
import { assessCustomer } from "./assess-customer.ts";
import {
  assess,
  buildChase,
  buildComplaint,
  buildContext,
  buildCustomer,
  buildOrder,
  buildRevision,
  buildTime,
  codes,
  day,
} from "./test-factories.ts";

type Row = [name: string, facts: () => Fact[], charter: Partial<Charter>, expected: boolean];

// With window_months 6, the window before AS_OF starts (excluded) at this instant.
const SIX_MONTHS = Date.parse("2025-09-01T23:59:59.999Z");

describe("haggler", () => {
  // List price 100.00: 89.00 is an 11 % discount, 90.00 exactly 10 %.
  const orders = (prices: number[]) => () =>
    prices.map((price) => buildOrder({ price, list_price: 100_00 }));
  const rows: Row[] = [
    ["two orders at 11 % off", orders([89_00, 89_00]), {}, true],
    ["two orders at exactly 10 % off", orders([90_00, 90_00]), {}, false],
    ["one order at 11 % off", orders([89_00]), {}, false],
    ["two of four orders discounted (half)", orders([89_00, 89_00, 100_00, 100_00]), {}, true],
    ["two of five orders discounted", orders([89_00, 89_00, 100_00, 100_00, 100_00]), {}, false],
    [
      "two orders at 11 % off with a 12 % limit",
      orders([89_00, 89_00]),
      { max_discount_pct: 12 },
      false,
    ],
    [
      "two orders at 11 % off, one just inside a 6-month window",
      () => [
        buildOrder({ price: 89_00, list_price: 100_00, at: SIX_MONTHS + 1 }),
        ...orders([89_00])(),
      ],
      { window_months: 6 },
      true,
    ],
    [
      "two orders at 11 % off, one exactly at a 6-month window's start",
      () => [
        buildOrder({ price: 89_00, list_price: 100_00, at: SIX_MONTHS }),
        ...orders([89_00])(),
      ],
      { window_months: 6 },
      false,
    ],
    [
      "two discounted orders before the window",
      () => [1, 2].map(() => buildOrder({ price: 50_00, list_price: 100_00, at: day(-400) })),
      {},
      false,
    ],
  ];
  it.each(rows)("%s", (_name, facts, charter, expected) => {
    expect(codes(assess(facts(), charter)).includes("haggler")).toBe(expected);
  });

  it("says how many orders and how deep the discounts", () => {
    const signal = assess(orders([89_00, 80_00, 100_00])(), {}).signals.find(
      (s) => s.code === "haggler",
    );
    expect(signal?.message).toBe(
      "2 of 3 orders in 12 months discounted by more than 10% (up to 20%)",
    );
  });
});

describe("unprofitable", () => {
  // Revenue 100.00; 15 % of it is 15.00.
  const sale =
    (cost: number, extra: Fact[] = []) =>
    () => [buildOrder({ price: 100_00, cost }), ...extra];
  const rows: Row[] = [
    ["margin exactly 15 %", sale(85_00), {}, false],
    ["margin one cent under 15 %", sale(85_01), {}, true],
    ["margin one cent under 15 % with a 14 % minimum", sale(85_01), { min_margin_pct: 14 }, false],
    ["an hour at 40 leaves exactly 15 %", sale(45_00, [buildTime({ minutes: 60 })]), {}, false],
    [
      "an hour at 41 leaves 14 %",
      sale(45_00, [buildTime({ minutes: 60 })]),
      { hour_cost: 41 },
      true,
    ],
    [
      "a one-cent remedy on a complaint that was the customer's fault",
      sale(85_00, [buildComplaint({ fault: "customer", remedy_amount: 1 })]),
      {},
      true,
    ],
    [
      "time logged before the window",
      sale(45_00, [buildTime({ minutes: 600, at: day(-400) })]),
      {},
      false,
    ],
    ["time logged but no order in the window", () => [buildTime({ minutes: 600 })], {}, true],
    [
      "an order under the margin just inside a 6-month window",
      () => [buildOrder({ price: 100_00, cost: 85_01, at: SIX_MONTHS + 1 })],
      { window_months: 6 },
      true,
    ],
    [
      "the same order exactly at a 6-month window's start",
      () => [buildOrder({ price: 100_00, cost: 85_01, at: SIX_MONTHS })],
      { window_months: 6 },
      false,
    ],
    [
      "exactly 15 %, and one more minute just inside a 6-month window",
      sale(45_00, [buildTime({ minutes: 60 }), buildTime({ minutes: 1, at: SIX_MONTHS + 1 })]),
      { window_months: 6 },
      true,
    ],
    [
      "exactly 15 %, and one more minute exactly at a 6-month window's start",
      sale(45_00, [buildTime({ minutes: 60 }), buildTime({ minutes: 1, at: SIX_MONTHS })]),
      { window_months: 6 },
      false,
    ],
    ["nothing in the window: zero revenue and zero costs", () => [], {}, false],
    [
      "an order and its time both before the window",
      () => [buildOrder({ at: day(-400), cost: 99_00 }), buildTime({ at: day(-400) })],
      {},
      false,
    ],
    [
      "no sale, only a remedy for a complaint that was our fault",
      () => [buildComplaint({ fault: "ours", remedy_amount: 20_00 })],
      {},
      false,
    ],
    [
      "no sale, a remedy for a complaint that was the customer's fault",
      () => [buildComplaint({ fault: "customer", remedy_amount: 20_00 })],
      {},
      true,
    ],
  ];
  it.each(rows)("%s", (_name, facts, charter, expected) => {
    expect(codes(assess(facts(), charter)).includes("unprofitable")).toBe(expected);
  });

  it("gives the margin and the revenue in the message, in French too", () => {
    const facts = sale(90_00)();
    const en = assess(facts).signals.find((s) => s.code === "unprofitable");
    expect(en?.message).toBe(
      "Margin of €10.00 on €100.00 of revenue in 12 months (10%), below the 15% minimum",
    );
    expect(en?.evidence).toEqual([facts[0].id]);
  });

  it("reports a loss on a customer who bought nothing, with the time as evidence", () => {
    const time = buildTime({ minutes: 90 });
    const ours = buildComplaint({ fault: "ours", remedy_amount: 5_00 });
    const a = assess([time, ours]);
    expect(a.margin).toBe(-60_00 - 5_00); // the spec's formula: every remedy lowers the margin
    const en = a.signals.find((s) => s.code === "unprofitable");
    expect(en?.evidence).toEqual([time.id]);
    expect(en?.message).toBe(
      "No sales in 12 months but €60.00 of costs (time spent, materials, remedies): a margin of -€60.00 (leaving out €5.00 of remedies for complaints that were not the customer's fault)",
    );
    const fr = assessCustomer(buildCustomer(), [time], buildContext({}, "fr")).signals.find(
      (s) => s.code === "unprofitable",
    );
    expect(fr?.message).toBe(
      "Aucune vente en 12 mois mais 60,00 € de coûts (temps passé, matériaux, gestes) : marge de -60,00 €",
    );
  });

  it("lists the orders, the time and the customer's own remedies as evidence", () => {
    const order = buildOrder({ price: 100_00, cost: 80_00 });
    const time = buildTime({ minutes: 30 });
    const theirs = buildComplaint({ fault: "customer", remedy_amount: 1_00 });
    const ours = buildComplaint({ fault: "ours", remedy_amount: 1_00 });
    const signal = assess([order, time, theirs, ours]).signals.find(
      (s) => s.code === "unprofitable",
    );
    expect(signal?.evidence).toEqual([order.id, time.id, theirs.id]);
  });
});

describe("scope_creep", () => {
  // 2 included rounds long ago, then 3 extra: one at `edge`, two 20 days ago.
  const edgeRevisions = (edge: number) => () => {
    const order = buildOrder({ at: day(-500) });
    const when = [day(-400), day(-400), edge, day(-20), day(-20)];
    return [order, ...when.map((at) => buildRevision({ order: order.id, at }))];
  };
  const revisions =
    (count: number, included?: number, dayOf = () => -20) =>
    () => {
      const order = buildOrder({ included_revisions: included, at: day(-500) });
      return [
        order,
        ...Array.from({ length: count }, () =>
          buildRevision({ order: order.id, at: day(dayOf()) }),
        ),
      ];
    };
  const rows: Row[] = [
    ["5 revisions with 2 included (3 extra)", revisions(5), {}, true],
    ["4 revisions with 2 included (2 extra)", revisions(4), {}, false],
    ["4 revisions with 1 included on the order", revisions(4, 1), {}, true],
    ["4 revisions with 1 included in the charter", revisions(4), { included_revisions: 1 }, true],
    [
      "5 revisions with 3 included on the order, charter 1",
      revisions(5, 3),
      { included_revisions: 1 },
      false,
    ],
    [
      "2 included rounds used before the window, 3 more in it",
      () => {
        let n = 0;
        return revisions(5, undefined, () => (n++ < 2 ? -450 : -20))();
      },
      {},
      true,
    ],
    [
      "4 rounds before the window, 1 in it",
      () => {
        let n = 0;
        return revisions(5, undefined, () => (n++ < 4 ? -450 : -20))();
      },
      {},
      false,
    ],
    [
      "3 extra rounds, one just inside a 6-month window",
      edgeRevisions(SIX_MONTHS + 1),
      { window_months: 6 },
      true,
    ],
    [
      "3 extra rounds, one exactly at a 6-month window's start",
      edgeRevisions(SIX_MONTHS),
      { window_months: 6 },
      false,
    ],
    [
      "extra rounds add up across orders (1 + 2)",
      () => [...revisions(3)(), ...revisions(4)()],
      {},
      true,
    ],
  ];
  it.each(rows)("%s", (_name, facts, charter, expected) => {
    expect(codes(assess(facts(), charter)).includes("scope_creep")).toBe(expected);
  });
});

describe("missing_inputs", () => {
  const rows: Row[] = [
    ["3 chases", () => [buildChase(), buildChase(), buildChase()], {}, true],
    ["2 chases", () => [buildChase(), buildChase()], {}, false],
    [
      "3 chases, one before the window",
      () => [buildChase(), buildChase(), buildChase({ at: day(-400) })],
      {},
      false,
    ],
    [
      "3 chases, one 8 months ago, with a 6-month window",
      () => [buildChase(), buildChase(), buildChase({ at: day(-240) })],
      { window_months: 6 },
      false,
    ],
  ];
  it.each(rows)("%s", (_name, facts, charter, expected) => {
    expect(codes(assess(facts(), charter)).includes("missing_inputs")).toBe(expected);
  });
});
