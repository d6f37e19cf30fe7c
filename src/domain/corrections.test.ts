import { describe, expect, it } from "vitest";
import { applyCorrections, correctedId } from "./corrections.ts";
import type { Fact, OrderFact } from "./facts.ts";

const order: OrderFact = {
  type: "order",
  id: "o1",
  at: 1000,
  customer: "c1",
  price: 1500,
  list_price: 1500,
  cost: 0,
};
const chase: Fact = { type: "chase", id: "h1", at: 2000, customer: "c1" };

describe("applyCorrections", () => {
  it("leaves a ledger without corrections as it is", () => {
    expect(applyCorrections([order, chase])).toEqual([order, chase]);
  });

  it("puts the correction's content under the original id", () => {
    const fix: OrderFact = {
      ...order,
      id: "o1~delivered",
      at: 1000,
      delivered: 5000,
      corrects: "o1",
    };
    expect(applyCorrections([order, chase, fix])).toEqual([
      { ...fix, id: "o1", corrects: undefined },
      chase,
    ]);
  });

  it("keeps the latest of several corrections, and follows a correction of a correction", () => {
    const first: OrderFact = { ...order, id: "o1~1", price: 1400, corrects: "o1" };
    const second: OrderFact = { ...order, id: "o1~2", price: 1300, corrects: "o1~1" };
    expect(
      applyCorrections([order, second, first]).map((f) => [f.id, (f as OrderFact).price]),
    ).toEqual([["o1", 1300]]);
    const later: OrderFact = { ...order, id: "o1~3", at: 900, price: 1200, corrects: "o1" };
    // Dated earlier than the others: it is not the latest.
    expect(applyCorrections([order, later, first]).map((f) => (f as OrderFact).price)).toEqual([
      1400,
    ]);
  });

  it("reads corrects kept among the unknown fields", () => {
    const fix: OrderFact = { ...order, id: "o1~x", price: 1000, extra: { corrects: "o1" } };
    expect(correctedId(fix)).toBe("o1");
    expect(applyCorrections([order, fix]).map((f) => (f as OrderFact).price)).toEqual([1000]);
  });

  it("keeps a correction whose original is unknown as a fact of its own, and never crosses types", () => {
    const orphan: OrderFact = { ...order, id: "o9~1", corrects: "o9" };
    const wrongType: Fact = { ...chase, id: "h2", corrects: "o1" };
    expect(applyCorrections([order, orphan, wrongType])).toEqual([order, orphan, wrongType]);
  });
});
