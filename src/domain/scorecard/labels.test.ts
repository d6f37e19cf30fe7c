import { describe, expect, it } from "vitest";
import { segmentLabel, signalLabel } from "./labels.ts";
import { SEGMENTS } from "./segments.ts";
import { SIGNAL_CODES, SIGNAL_KINDS } from "./signal-codes.ts";

describe("labels", () => {
  it("names every segment and signal in both languages, each name distinct", () => {
    for (const lang of ["fr", "en"] as const) {
      const segments = SEGMENTS.map((s) => segmentLabel(s, lang));
      const signals = SIGNAL_CODES.map((c) => signalLabel(c, lang));
      expect(new Set(segments).size).toBe(SEGMENTS.length);
      expect(new Set(signals).size).toBe(SIGNAL_CODES.length);
    }
    expect(segmentLabel("part_ways", "fr")).toBe("se séparer");
    expect(signalLabel("late_payer", "en")).toBe("late payer");
  });

  it("classes ten signals as negative, two as risks and four as positive", () => {
    const count = (kind: string) => SIGNAL_CODES.filter((c) => SIGNAL_KINDS[c] === kind).length;
    expect([count("negative"), count("risk"), count("positive")]).toEqual([10, 2, 4]);
  });
});
