import { describe, expect, it } from "vitest";
import { pickSegment } from "./pick-segment.ts";
import type { Segment } from "./segments.ts";
import type { SignalCode } from "./signal-codes.ts";

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
