import { describe, expect, it } from "vitest";
import type { CustomerFact, Fact } from "../facts.ts";
import { assessCustomer } from "./assess-customer.ts";
import { finalizeScorecard, finalSegment } from "./finalize-scorecard.ts";
import { portfolioTotals } from "./portfolio-totals.ts";
import {
  at,
  buildContext,
  buildCustomer,
  buildFeedback,
  buildIncident,
  buildInvoice,
  buildOrder,
  buildReminder,
  codes,
  scoreAll,
} from "./test-factories.ts";

// With window_months 6, the window before AS_OF starts (excluded) at this instant.
const SIX_MONTHS = Date.parse("2025-09-01T23:59:59.999Z");

/** One customer per revenue, each with a single order of that price. */
function withRevenues(revenues: number[], extra: Record<number, Fact[]> = {}) {
  return revenues.map((price, i) => {
    const id = `c${String(i).padStart(2, "0")}`;
    const customer = buildCustomer({ id, name: id });
    const orders = price > 0 ? [buildOrder({ customer: id, price })] : [];
    return {
      customer,
      facts: [...orders, ...(extra[i] ?? []).map((f) => ({ ...f, customer: id }))],
    };
  });
}
const withCode = (cards: { customer: string; signals: { code: string }[] }[], code: string) =>
  cards.filter((c) => c.signals.some((s) => s.code === code)).map((c) => c.customer);

describe("concentration", () => {
  it.each([
    ["exactly 25 % of revenue", [25_00, 75_00], {}, false],
    ["just over 25 %", [25_01, 75_00], {}, true],
    ["just over 25 % with a 30 % limit", [25_01, 75_00], { max_revenue_share_pct: 30 }, false],
  ] as const)("flags %s: %j", (_name, revenues, charter, expected) => {
    const cards = scoreAll(withRevenues([...revenues]), buildContext(charter));
    expect(withCode(cards, "concentration").includes("c00")).toBe(expected);
  });

  it.each([
    ["with a 12-month window", 12, SIX_MONTHS, true],
    ["with a 6-month window, the old order exactly at its start", 6, SIX_MONTHS, false],
    ["with a 6-month window, the old order just inside it", 6, SIX_MONTHS + 1, true],
  ] as const)("follows window_months: %s", (_name, months, oldOrderAt, expected) => {
    // c00: 20.00 last month and 100.00 at the edge; c01: 80.00. 120 of 200 is 60 %; 20 of 100 is 20 %.
    const input = withRevenues([20_00, 80_00], {
      0: [buildOrder({ price: 100_00, at: oldOrderAt })],
    });
    const cards = scoreAll(input, buildContext({ window_months: months }));
    expect(withCode(cards, "concentration").includes("c00")).toBe(expected);
  });

  it("concentration is not a fault", () => {
    const cards = scoreAll(withRevenues([900_00, 50_00, 50_00]));
    expect(cards[0].signals.map((s) => s.code)).toContain("concentration");
    expect(cards[0].segment).toBe("partner"); // high value, no negative signal
    const alone = scoreAll(withRevenues([900_00, 0]));
    expect(alone[0].segment).not.toBe("renegotiate");
  });

  it("explains the share with the orders of the window as evidence", () => {
    const input = withRevenues([60_00, 40_00]);
    const [card] = scoreAll(input);
    const signal = card.signals.find((s) => s.code === "concentration");
    expect(signal?.evidence).toEqual([input[0].facts[0].id]);
    expect(signal?.message).toBe(
      "60% of the business's revenue in 12 months (€60.00 of €100.00), above the 25% limit",
    );
  });
});

describe("high_value", () => {
  const ten = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((n) => n * 100_00);
  it.each([
    ["the top one of 10 customers", ten, ["c00"]],
    ["the top two of 20 customers", [...ten, ...ten.map((r) => r - 1)], ["c00", "c10"]],
    ["the top one of 5 customers (at least one)", ten.slice(0, 5), ["c00"]],
    [
      "everyone tied at the threshold",
      [5_00, 5_00, 1_00, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ["c00", "c01"],
    ],
    ["the only customer with sales among 30", [7_00, ...Array(29).fill(0)], ["c00"]],
    ["nobody when there are no sales", [0, 0, 0], []],
  ] as const)("marks %s", (_name, revenues, expected) => {
    expect(withCode(scoreAll(withRevenues([...revenues])), "high_value")).toEqual(expected);
  });

  it("leaves prospects out of the count", () => {
    const input = withRevenues(ten.slice(0, 9));
    const prospects = Array.from({ length: 20 }, (_, i) => ({
      customer: buildCustomer({ id: `p${i}`, status: "prospect" }),
      facts: [],
    }));
    expect(withCode(scoreAll([...input, ...prospects]), "high_value")).toEqual(["c00"]);
  });
});

describe("finalizeScorecard: segments", () => {
  it("a detractor stays steady", () => {
    // Ten customers of 100.00 down to 10.00: the sixth is neither concentrated nor high value.
    const revenues = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((n) => n * 10_00);
    const cards = scoreAll(withRevenues(revenues, { 5: [buildFeedback({ score: 2 })] }));
    expect(codes(cards[5])).toEqual(["detractor"]);
    expect(cards[5].segment).toBe("steady");
  });

  it("parts ways over an unpaid invoice only after a formal notice", () => {
    const invoice = buildInvoice({ id: "F-1", due: at("2026-01-10") });
    const [noticed, chased] = scoreAll(
      withRevenues([10_00, 10_00], {
        0: [invoice, buildReminder({ invoice: "F-1", level: 3 })],
        1: [{ ...invoice }, buildReminder({ invoice: "F-1", level: 2 })],
      }),
    );
    expect(noticed.segment).toBe("part_ways");
    expect(chased.segment).toBe("renegotiate");
  });

  it("parts ways with an abusive partner", () => {
    const cards = scoreAll(withRevenues([900_00, 10_00], { 0: [buildIncident({ severity: 3 })] }));
    expect(codes(cards[0])).toEqual(["abusive", "concentration", "high_value"]);
    expect(cards[0].segment).toBe("part_ways");
  });

  it("gives prospects no segment and no signals", () => {
    const prospect: CustomerFact = buildCustomer({ id: "p1", status: "prospect" });
    const ctx = buildContext();
    const facts = [buildOrder({ customer: "p1", price: 100_00 })];
    const a = assessCustomer(prospect, facts, ctx);
    const card = finalizeScorecard(a, portfolioTotals([a]), ctx);
    expect(card).toMatchObject({ segment: null, signals: [], revenue: 100_00, status: "prospect" });
  });

  it("keeps the fields of a scorecard in their order (that of its JSON)", () => {
    const [card] = scoreAll(withRevenues([100_00]));
    expect(Object.keys(card ?? {})).toEqual([
      "customer",
      "name",
      "status",
      "revenue",
      "margin",
      "orders",
      "outstanding",
      "outstandingTotal",
      "segment",
      "signals",
      "archived",
    ]);
  });
});

describe("finalSegment", () => {
  it("gives finalizeScorecard's segment, on both bases of high_value", () => {
    const input = withRevenues([25_01, 75_00, 0, 10_00, 9_99, 10_00, 1, 0, 300_00, 2_00, 2_00], {
      1: [buildIncident({ severity: 3 })],
      3: [buildFeedback({ score: 2 })],
    });
    const ctx = buildContext();
    const assessments = input.map(({ customer, facts }) => assessCustomer(customer, facts, ctx));
    const netValues = new Map(input.map(({ customer }, i) => [customer.id, (i * 37) % 11]));
    for (const totals of [portfolioTotals(assessments), portfolioTotals(assessments, netValues)]) {
      const segments = assessments.map((a) => finalSegment(a, totals, ctx));
      expect(segments).toEqual(assessments.map((a) => finalizeScorecard(a, totals, ctx).segment));
      expect(new Set(segments).size).toBeGreaterThan(2);
    }
  });

  it("gives prospects no segment", () => {
    const ctx = buildContext();
    const prospect = assessCustomer(buildCustomer({ status: "prospect" }), [], ctx);
    expect(finalSegment(prospect, portfolioTotals([prospect]), ctx)).toBeNull();
  });
});
