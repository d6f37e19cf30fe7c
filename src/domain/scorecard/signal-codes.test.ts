import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SIGNAL_CODES, type Signal, type SignalCode, sortSignals } from "./signal-codes.ts";

const signal = (code: string, message = ""): Signal => ({
  code: code as SignalCode,
  evidence: [],
  message,
});

describe("sortSignals", () => {
  it("puts negatives first, then risks, then positives, into a new array", () => {
    const input = [signal("loyal"), signal("concentration"), signal("unpaid")];
    const sorted = sortSignals(input);
    expect(sorted.map((s) => s.code)).toEqual(["unpaid", "concentration", "loyal"]);
    expect(sorted).not.toBe(input);
    expect(input.map((s) => s.code)).toEqual(["loyal", "concentration", "unpaid"]);
  });

  it("copies a list already in order", () => {
    const input = [signal("unpaid"), signal("loyal")];
    const sorted = sortSignals(input);
    expect(sorted).toEqual(input);
    expect(sorted).not.toBe(input);
  });

  it("orders as a stable sort by position in SIGNAL_CODES, unknown codes first", () => {
    // Codes repeat (the message tells them apart) and may be unknown, as with indexOf.
    const codes = fc.constantFrom(...SIGNAL_CODES, "not_a_code", "other");
    const signals = fc.array(
      fc.tuple(codes, fc.string({ maxLength: 2 })).map(([c, m]) => signal(c, m)),
      { maxLength: 10 },
    );
    const position = (s: Signal) => (SIGNAL_CODES as readonly string[]).indexOf(s.code);
    fc.assert(
      fc.property(signals, (list) => {
        const reference = [...list].sort((a, b) => position(a) - position(b));
        expect(sortSignals(list)).toEqual(reference);
      }),
      { numRuns: 5000 },
    );
  });
});
