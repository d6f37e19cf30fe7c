import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pickSegment } from "./pick-segment.ts";
import type { Segment } from "./segments.ts";
import { isNegativeSignal, SIGNAL_CODES, type SignalCode } from "./signal-codes.ts";

describe("pickSegment", () => {
  const rows: [SignalCode[], boolean, Segment][] = [
    [["abusive", "loyal", "high_value"], false, "part_ways"],
    [["warranty_gaming", "late_payer"], false, "part_ways"],
    [["unpaid"], true, "part_ways"],
    [["unpaid"], false, "renegotiate"],
    [["late_payer", "unfounded_complaints"], false, "renegotiate"],
    [["haggler", "loyal"], false, "renegotiate"],
    [["unprofitable"], false, "renegotiate"],
    [["scope_creep"], false, "renegotiate"],
    [["missing_inputs", "serial_returner"], false, "renegotiate"],
    [["unfounded_complaints", "loyal"], false, "watch"],
    [["serial_returner"], false, "watch"],
    [["loyal"], false, "partner"],
    [["high_value", "concentration", "detractor"], false, "partner"],
    [["prompt_payer", "promoter"], false, "steady"],
    [["detractor"], false, "steady"],
    [["concentration"], false, "steady"],
    [[], false, "steady"],
  ];
  it.each(rows)("puts %j (formal notice: %s) in %s", (codes, notice, expected) => {
    expect(pickSegment(codes, { unpaidAfterFormalNotice: notice })).toBe(expected);
  });
});

describe("pickSegment on any codes", () => {
  /** The rules as first written, one scan of the codes each: the reference. */
  function reference(codes: readonly SignalCode[], unpaidAfterFormalNotice: boolean): Segment {
    const has = (list: readonly SignalCode[]) => codes.some((c) => list.includes(c));
    if (
      has(["abusive", "warranty_gaming"]) ||
      (codes.includes("unpaid") && unpaidAfterFormalNotice)
    ) {
      return "part_ways";
    }
    const renegotiate: SignalCode[] = [
      "unpaid",
      "late_payer",
      "haggler",
      "unprofitable",
      "scope_creep",
      "missing_inputs",
    ];
    if (has(renegotiate)) return "renegotiate";
    if (has(["unfounded_complaints", "serial_returner"])) return "watch";
    if (
      !codes.some(isNegativeSignal) &&
      (codes.includes("loyal") || codes.includes("high_value"))
    ) {
      return "partner";
    }
    return "steady";
  }

  it("picks what the rules read one by one pick", () => {
    const codes = fc.array(fc.constantFrom(...SIGNAL_CODES), { maxLength: 8 });
    fc.assert(
      fc.property(codes, fc.boolean(), (list, notice) => {
        expect(pickSegment(list, { unpaidAfterFormalNotice: notice })).toBe(
          reference(list, notice),
        );
      }),
      { numRuns: 5000 },
    );
  });
});
