import { describe, expect, it } from "vitest";
import type { Fact } from "../facts.ts";
import { assessCustomer } from "./assess-customer.ts";
import {
  AS_OF,
  assess,
  buildChase,
  buildComplaint,
  buildContext,
  buildCustomer,
  buildOrder,
  buildReturn,
  buildRevision,
  buildTime,
  codes,
  day,
} from "./test-factories.ts";

// The 12-month window before AS_OF (2026-03-01T23:59:59.999Z) starts, excluded, 12 months earlier.
const WINDOW_START = Date.parse("2025-03-01T23:59:59.999Z");

describe("assessCustomer: money over the window", () => {
  it("sums revenue, materials, time and remedies in minor units", () => {
    const facts = [
      buildOrder({ price: 1_000_00, list_price: 1_100_00, cost: 300_00 }),
      buildOrder({ price: 500_00, cost: 100_00 }),
      buildTime({ minutes: 90 }),
      buildTime({ minutes: 45, activity: "complaint" }),
      buildComplaint({ fault: "customer", remedy_amount: 20_00 }),
      buildComplaint({ fault: "ours", remedy_amount: 30_00 }),
    ];
    const a = assess(facts);
    expect(a.revenue).toBe(1_500_00);
    expect(a.orders).toBe(2);
    // 135 minutes at 40.00 an hour = 90.00
    expect(a.margin).toBe(1_500_00 - 400_00 - 90_00 - 50_00);
  });

  it("rounds the labour cost once, half up, from a decimal hour cost", () => {
    // 7 minutes at 37.50 an hour = 4.375, rounded to 4.38
    const a = assess([buildOrder({ price: 10_00 }), buildTime({ minutes: 7 })], {
      hour_cost: 37.5,
    });
    expect(a.margin).toBe(10_00 - 4_38);
  });

  it("counts a currency without minor units in whole units", () => {
    const ctx = buildContext({ currency: "JPY", hour_cost: 3000 });
    const a = assessCustomer(
      buildCustomer(),
      [buildOrder({ price: 10_000 }), buildTime({ minutes: 30 })],
      ctx,
    );
    expect(a.margin).toBe(10_000 - 1_500);
  });
});

describe("assessCustomer: dates", () => {
  it("excludes a fact exactly at the window's start and includes one exactly at the as-of instant", () => {
    const start = buildOrder({ id: "start", price: 1_00, at: WINDOW_START });
    const after = buildOrder({ id: "after", price: 10_00, at: WINDOW_START + 1 });
    const end = buildOrder({ id: "end", price: 100_00, at: AS_OF });
    const a = assess([start, after, end]);
    expect(a.revenue).toBe(110_00);
    expect(a.windowOrders).toEqual(["after", "end"]);
  });

  it("ignores facts dated after the as-of date", () => {
    const later = (n: number) => day(1) + n;
    const facts: Fact[] = [
      buildOrder({ price: 100_00, at: later(0) }),
      buildChase({ at: later(1) }),
      buildChase({ at: later(2) }),
      buildChase({ at: later(3) }),
      buildTime({ minutes: 6000, at: later(4) }),
    ];
    const a = assess(facts);
    expect(a).toMatchObject({ revenue: 0, margin: 0, orders: 0, signals: [] });
  });

  it("gives the same result whatever the order of the facts", () => {
    const order = buildOrder();
    const facts = [
      order,
      ...[1, 2, 3, 4, 5].map((n) => buildRevision({ order: order.id, at: day(-n) })),
      buildChase(),
      buildChase(),
      buildChase(),
    ];
    expect(assess([...facts].reverse())).toEqual(assess(facts));
  });
});

describe("assessCustomer: signals", () => {
  it("A complaint whose fault is ours never counts against the customer", () => {
    // Three complaints, all our fault, each with a refund that wipes out the margin.
    const facts = [
      buildOrder({ price: 300_00, cost: 100_00 }),
      ...[1, 2, 3].map(() =>
        buildComplaint({ fault: "ours", remedy: "refund", remedy_amount: 60_00 }),
      ),
    ];
    const a = assess(facts);
    expect(a.margin).toBe(300_00 - 100_00 - 180_00); // the margin is honest...
    expect(codes(a)).not.toContain("unfounded_complaints"); // ...but nothing is held against them
    expect(codes(a)).not.toContain("unprofitable");
  });

  it("writes messages in the organization's language", () => {
    const order = buildOrder({ at: day(-300), delivered: day(-300), warranty_days: 30 });
    const order2 = buildOrder({ at: day(-200), delivered: day(-200), warranty_days: 30 });
    const facts = [
      order,
      order2,
      buildReturn({ order: order.id, at: day(-275) }),
      buildReturn({ order: order2.id, at: day(-175) }),
    ];
    const fr = assessCustomer(buildCustomer(), facts, buildContext({}, "fr"));
    expect(fr.signals.find((s) => s.code === "warranty_gaming")?.message).toBe(
      "2 échanges, chacun à moins de 7 jours de la fin de garantie (5 jours avant)",
    );
  });

  it("gives every signal its evidence and a message", () => {
    const order = buildOrder({ price: 80_00, list_price: 100_00 });
    const facts = [
      order,
      buildOrder({ price: 80_00, list_price: 100_00 }),
      buildChase(),
      buildChase(),
      buildChase(),
    ];
    const a = assess(facts);
    expect(codes(a)).toEqual(["haggler", "missing_inputs"]);
    for (const signal of a.signals) {
      expect(signal.evidence.length).toBeGreaterThan(0);
      expect(signal.message).toMatch(/\d/);
    }
  });

  it("copes with a return whose order is missing", () => {
    const facts = [1, 2, 3].map(() => buildReturn({ order: "missing" }));
    expect(codes(assess(facts))).toEqual(["serial_returner"]);
  });

  it("gives a prospect no signals", () => {
    const facts = [buildChase(), buildChase(), buildChase()];
    const a = assess(facts, {}, buildCustomer({ status: "prospect" }));
    expect(a.signals).toEqual([]);
    expect(a.status).toBe("prospect");
  });
});

describe("corrections", () => {
  it("scores a corrected order once, with the corrected content", () => {
    const customer = buildCustomer();
    const order = buildOrder({ id: "o1" });
    const fix = { ...order, id: "o1~delivered", delivered: order.at + 86_400_000, corrects: "o1" };
    const ctx = buildContext();
    const once = assessCustomer(customer, [order], ctx);
    const corrected = assessCustomer(customer, [order, fix], ctx);
    expect(corrected.orders).toBe(1);
    expect(corrected.revenue).toBe(once.revenue);
    const cheaper = { ...order, id: "o1~price", price: order.price - 100, corrects: "o1" };
    expect(assessCustomer(customer, [order, cheaper], ctx).revenue).toBe(once.revenue - 100);
    // A correction dated after the as-of instant is not known yet.
    const future = {
      ...order,
      id: "o1~later",
      at: AS_OF + 1,
      price: order.price * 2,
      corrects: "o1",
    };
    expect(assessCustomer(customer, [order, future], ctx).revenue).toBe(once.revenue);
  });
});
