import { describe, expect, it } from "vitest";
import type { Fact } from "../facts.ts";
import {
  buildComplaint,
  buildCustomer,
  buildOrder,
  buildTime,
  scoreAll,
} from "../scorecard/test-factories.ts";

// A redo (resolve-complaint.ts) is a zero-price order naming the original (`extra.redo_of`),
// and the resolved complaint names the redo (`extra.redo_order`); see docs/intake.md.
describe("a redo for our fault in the scorecard", () => {
  it("leaves the customer's orders, signals and segment as they were", () => {
    const customer = buildCustomer({ id: "c-redo" });
    const original = buildOrder({ id: "o1", customer: "c-redo", price: 40_00, cost: 10_00 });
    const before: Fact[] = [original, buildTime({ customer: "c-redo", order: "o1", minutes: 20 })];
    const redo = buildOrder({
      id: "o2",
      customer: "c-redo",
      price: 0,
      list_price: 0,
      cost: 0,
      extra: { redo_of: "o1" },
    });
    const complaint = buildComplaint({
      customer: "c-redo",
      order: "o1",
      fault: "ours",
      remedy: "redo",
      extra: { redo_order: "o2" },
    });
    const after: Fact[] = [
      ...before,
      complaint,
      redo,
      buildTime({ customer: "c-redo", order: "o2", minutes: 60 }),
    ];
    const [was] = scoreAll([{ customer, facts: before }]);
    const [is] = scoreAll([{ customer, facts: after }]);
    expect(is.orders).toBe(was.orders);
    expect(is.segment).toBe(was.segment);
    expect(is.signals.map((s) => s.code)).toEqual(was.signals.map((s) => s.code));
  });

  it("still holds the time of a redo against the customer when the fault was theirs", () => {
    const customer = buildCustomer({ id: "c-theirs" });
    const facts: Fact[] = [
      buildOrder({ id: "o1", customer: "c-theirs", price: 40_00, cost: 10_00 }),
      buildComplaint({
        customer: "c-theirs",
        order: "o1",
        fault: "customer",
        remedy: "redo",
        extra: { redo_order: "o2" },
      }),
      buildOrder({
        id: "o2",
        customer: "c-theirs",
        price: 0,
        list_price: 0,
        extra: { redo_of: "o1" },
      }),
      buildTime({ customer: "c-theirs", order: "o2", minutes: 60 }),
    ];
    const [card] = scoreAll([{ customer, facts }]);
    expect(card.orders).toBe(1);
    expect(card.signals.map((s) => s.code)).toContain("unprofitable");
  });
});
