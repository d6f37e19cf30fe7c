import { describe, expect, it } from "vitest";
import type { Assessment } from "./assess-customer.ts";
import { portfolioTotals, RevenueRanking } from "./portfolio-totals.ts";

const assessment = (
  customer: string,
  revenue: number,
  status: Assessment["status"] = "active",
): Assessment => ({
  customer,
  name: customer,
  status,
  signals: [],
  revenue,
  margin: 0,
  orders: 0,
  outstanding: 0,
  outstandingTotal: 0,
  windowOrders: [],
  unpaidAfterFormalNotice: false,
  archived: false,
});

describe("RevenueRanking", () => {
  it("keeps the same totals as a full count while customers change one at a time", () => {
    // Ties, zeros and prospects included; 37 customers, so the top 10 % holds 3.
    const byId = new Map<string, Assessment>();
    for (let i = 0; i < 37; i++) {
      const id = `c${i}`;
      byId.set(
        id,
        assessment(
          id,
          (i * 7919) % 5 === 0 ? 0 : ((i * 7919) % 13) * 10_00,
          i % 9 === 4 ? "prospect" : "active",
        ),
      );
    }
    const ranking = new RevenueRanking(byId.values());
    expect(ranking.totals()).toEqual(portfolioTotals(byId.values()));
    const changes: [string, number, Assessment["status"]?][] = [
      ["c3", 500_00], // a new top customer
      ["c3", 0], // and back to nothing
      ["c4", 120_00, "active"], // a prospect becomes a customer
      ["c7", 120_00, "prospect"], // and a customer is a prospect again
      ["c40", 90_00], // someone new
      ["c11", 120_00], // a tie at the top
    ];
    for (const [id, revenue, status] of changes) {
      const before = byId.get(id);
      const after = assessment(id, revenue, status ?? before?.status ?? "active");
      byId.set(id, after);
      ranking.replace(before, after);
      expect(ranking.totals()).toEqual(portfolioTotals(byId.values()));
    }
  });

  it("has no threshold while nobody has bought anything", () => {
    const ranking = new RevenueRanking([assessment("a", 0), assessment("b", 0)]);
    expect(ranking.totals()).toMatchObject({ customers: 2, revenue: 0, highValueThreshold: null });
    ranking.replace(assessment("a", 0), assessment("a", 10_00));
    expect(ranking.totals()).toMatchObject({ revenue: 10_00, highValueThreshold: 10_00 });
  });

  it("refuses to remove a revenue it does not hold", () => {
    const ranking = new RevenueRanking([assessment("a", 10_00)]);
    expect(() => ranking.replace(assessment("a", 20_00), undefined)).toThrow(
      /revenue 2000 to remove/,
    );
  });
});
