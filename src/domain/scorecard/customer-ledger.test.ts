import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Fact } from "../facts.ts";
import { chronological, customerLedger } from "./customer-ledger.ts";
import { AS_OF, buildCustomer } from "./test-factories.ts";

const TYPES = ["order", "chase", "payment", "feedback"] as const;

describe("customerLedger", () => {
  // Few instants and ids, so that ties (same instant, or same instant and id) are common.
  const fact = fc
    .record({
      type: fc.constantFrom(...TYPES),
      id: fc.constantFrom("a", "b", "c"),
      at: fc.constantFrom(AS_OF - 2, AS_OF - 1, AS_OF, AS_OF + 1),
      customer: fc.constantFrom("c1", "c1", "c2"),
      tag: fc.nat(),
    })
    .map((f) => f as unknown as Fact);

  it("lists each type's facts of the customer up to the as-of instant, as a stable sort would", () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 20 }), (facts) => {
        const ledger = customerLedger(buildCustomer(), facts, AS_OF);
        for (const type of TYPES) {
          const expected = facts
            .filter((f) => f.type === type && f.at <= AS_OF && f.customer === "c1")
            .sort(chronological);
          // `tag` tells apart facts that the order compares equal: their input order stays.
          expect(ledger[type]).toEqual(expected);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("finds orders by id, the later of two with the same id", () => {
    const first = { type: "order", id: "o1", at: AS_OF - 2, customer: "c1", price: 1 } as Fact;
    const second = { ...first, at: AS_OF - 1, price: 2 } as Fact;
    const ledger = customerLedger(buildCustomer(), [second, first], AS_OF);
    expect(ledger.ordersById.get("o1")).toBe(second);
  });
});
