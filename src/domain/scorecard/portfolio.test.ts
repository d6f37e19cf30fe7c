import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Fact } from "../facts.ts";
import type { Scorecard } from "./finalize-scorecard.ts";
import { customersAtPercentile, portfolio, whaleCurve } from "./portfolio.ts";
import { SEGMENTS, type Segment } from "./segments.ts";
import {
  AS_OF,
  buildChase,
  buildComplaint,
  buildCustomer,
  buildFeedback,
  buildIncident,
  buildInvoice,
  buildOrder,
  buildPayment,
  buildReturn,
  day,
  scoreAll,
} from "./test-factories.ts";

function card(
  customer: string,
  revenue: number,
  margin: number,
  segment: Segment | null,
): Scorecard {
  return {
    customer,
    name: customer,
    status: segment === null ? "prospect" : "active",
    segment,
    signals: [],
    revenue,
    margin,
    orders: 1,
    outstanding: 0,
    outstandingTotal: 0,
    archived: false,
  };
}

describe("portfolio", () => {
  // Revenue shares 50 / 30 / 20 / 0 %; margins 40, 10, -10, 0; a prospect that counts nowhere.
  const cards = [
    card("a", 50_00, 40_00, "partner"),
    card("b", 30_00, 10_00, "steady"),
    card("c", 20_00, -10_00, "renegotiate"),
    card("d", 0, 0, "steady"),
    card("p", 1_000_00, 500_00, null),
  ];
  const view = portfolio(cards);

  it("sums customers, revenue and margin without prospects", () => {
    expect(view).toMatchObject({ customers: 4, revenue: 100_00, margin: 40_00 });
    expect(view.segments).toEqual({
      part_ways: 0,
      renegotiate: 1,
      watch: 0,
      partner: 1,
      steady: 2,
    });
  });

  it("computes the top share and the HHI on revenue shares in percent", () => {
    expect(view.top_share_pct).toBe(50);
    expect(view.hhi).toBe(50 ** 2 + 30 ** 2 + 20 ** 2);
    expect(portfolio([card("x", 7_00, 0, "steady")]).hhi).toBe(10_000);
    const three = portfolio(["x", "y", "z"].map((id) => card(id, 1_00, 0, "steady")));
    expect(three.hhi).toBe(3333.33);
    expect(three.top_share_pct).toBe(33.33);
  });

  it("draws the whale curve at the nearest whole number of customers", () => {
    // Ranked by margin: a 40, b 10, d 0, c -10; cumulative 40, 50, 50, 40 of a total of 40.
    const at = (pct: number) => view.whale_curve[pct].profit_pct;
    expect(view.whale_curve).toHaveLength(101);
    expect(view.whale_curve.map((p) => p.customers_pct)).toEqual([...Array(101).keys()]);
    expect([at(0), at(12), at(13), at(37), at(38), at(87), at(88), at(100)]).toEqual([
      0, 0, 100, 100, 125, 125, 100, 100,
    ]);
  });

  it("maps percentiles to customers, halves up", () => {
    expect([0, 12, 13, 50, 100].map((p) => customersAtPercentile(p, 4))).toEqual([0, 0, 1, 2, 4]);
    expect(customersAtPercentile(50, 3)).toBe(2);
  });

  it("is all zeros for an empty portfolio", () => {
    const empty = portfolio([]);
    expect(empty).toMatchObject({ customers: 0, revenue: 0, margin: 0, top_share_pct: 0, hhi: 0 });
    expect(empty.whale_curve.every((p) => p.profit_pct === 0)).toBe(true);
  });

  it("ends a loss-making portfolio's curve at -100", () => {
    const curve = whaleCurve([
      { customer: "a", margin: 10 },
      { customer: "b", margin: -30 },
    ]);
    expect(curve[50].profit_pct).toBe(50);
    expect(curve[100].profit_pct).toBe(-100);
  });
});

describe("portfolio properties", () => {
  const margins = fc.array(
    fc.record({
      customer: fc.string({ maxLength: 4 }),
      margin: fc.integer({ min: -1e6, max: 1e6 }),
    }),
    { maxLength: 40 },
  );

  it("starts the whale curve at 0 and ends it at 100 when the total margin is positive", () => {
    fc.assert(
      fc.property(margins, (customers) => {
        const curve = whaleCurve(customers);
        const total = customers.reduce((s, c) => s + c.margin, 0);
        expect(curve).toHaveLength(101);
        expect(curve[0].profit_pct).toBe(0);
        expect(curve[100].profit_pct).toBe(total > 0 ? 100 : total < 0 ? -100 : 0);
      }),
    );
  });

  it("keeps the HHI between 10000 / n and 10000 when revenues are not negative", () => {
    const revenues = fc.array(fc.integer({ min: 0, max: 1e7 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(revenues, (list) => {
        fc.pre(list.some((r) => r > 0));
        const { hhi } = portfolio(list.map((r, i) => card(`c${i}`, r, 0, "steady")));
        expect(hhi).toBeGreaterThanOrEqual(10_000 / list.length - 0.01);
        expect(hhi).toBeLessThanOrEqual(10_000);
      }),
    );
  });

  // Random small ledgers: a few customers with random facts around the as-of date.
  const recipe = fc.record({
    prospect: fc.boolean(),
    orders: fc.array(
      fc.record({
        day: fc.integer({ min: -900, max: 30 }),
        price: fc.integer({ min: 0, max: 1_000_00 }),
        discount: fc.integer({ min: 0, max: 30 }),
        cost: fc.integer({ min: 0, max: 800_00 }),
        returned: fc.option(fc.integer({ min: 0, max: 40 })),
        paidAfterDue: fc.option(fc.integer({ min: -5, max: 60 })),
      }),
      { maxLength: 6 },
    ),
    incidents: fc.array(fc.constantFrom(1, 2, 3) as fc.Arbitrary<1 | 2 | 3>, { maxLength: 2 }),
    complaints: fc.array(
      fc.constantFrom("customer", "ours", "material") as fc.Arbitrary<"customer">,
      {
        maxLength: 4,
      },
    ),
    chases: fc.integer({ min: 0, max: 4 }),
    score: fc.option(fc.integer({ min: 0, max: 10 })),
  });
  type Recipe = typeof recipe extends fc.Arbitrary<infer T> ? T : never;

  function build(id: string, r: Recipe): Fact[] {
    const facts: Fact[] = [];
    for (const o of r.orders) {
      const list = o.price + Math.round((o.price * o.discount) / 100);
      const order = buildOrder({
        customer: id,
        at: day(o.day),
        price: o.price,
        list_price: list,
        cost: o.cost,
      });
      facts.push(order);
      if (o.returned !== null)
        facts.push(buildReturn({ customer: id, order: order.id, at: day(o.day + o.returned) }));
      if (o.paidAfterDue !== null) {
        const inv = buildInvoice({
          customer: id,
          at: day(o.day),
          due: day(o.day + 30),
          amount: o.price,
        });
        facts.push(
          inv,
          buildPayment({
            customer: id,
            invoice: inv.id,
            amount: o.price,
            at: day(o.day + 30 + o.paidAfterDue),
          }),
        );
      }
    }
    for (const severity of r.incidents)
      facts.push(buildIncident({ customer: id, severity, at: day(-20) }));
    for (const fault of r.complaints)
      facts.push(buildComplaint({ customer: id, fault, remedy_amount: 5_00 }));
    for (let i = 0; i < r.chases; i++) facts.push(buildChase({ customer: id }));
    if (r.score !== null) facts.push(buildFeedback({ customer: id, score: r.score }));
    return facts;
  }

  it("gives exactly one segment to every customer and none to prospects, each signal with known evidence", () => {
    fc.assert(
      fc.property(fc.array(recipe, { minLength: 1, maxLength: 6 }), (recipes) => {
        const input = recipes.map((r, i) => {
          const id = `c${i}`;
          return {
            customer: buildCustomer({
              id,
              status: r.prospect ? "prospect" : "active",
              at: day(-1000),
            }),
            facts: build(id, r),
          };
        });
        const cards = scoreAll(input);
        for (const [i, c] of cards.entries()) {
          if (recipes[i].prospect) expect(c.segment).toBeNull();
          else expect(SEGMENTS).toContain(c.segment);
          const known = new Set([
            c.customer,
            ...input[i].facts.filter((f) => f.at <= AS_OF).map((f) => f.id),
          ]);
          for (const s of c.signals) {
            expect(s.evidence.length).toBeGreaterThan(0);
            for (const id of s.evidence) expect(known).toContain(id);
          }
        }
        const view = portfolio(cards);
        expect(Object.values(view.segments).reduce((a, b) => a + b, 0)).toBe(view.customers);
      }),
      { numRuns: 200 },
    );
  });
});
