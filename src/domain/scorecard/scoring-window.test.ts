import { describe, expect, it } from "vitest";
import { addUtcMonths, daysBetween } from "./calendar.ts";
import { inWindow, scoringWindow } from "./scoring-window.ts";

const t = (iso: string) => Date.parse(iso);

describe("addUtcMonths", () => {
  it.each([
    ["2026-03-01T23:59:59.999Z", -12, "2025-03-01T23:59:59.999Z"],
    ["2026-03-31T10:00:00.000Z", -1, "2026-02-28T10:00:00.000Z"],
    ["2024-02-29T00:00:00.000Z", 12, "2025-02-28T00:00:00.000Z"],
    ["2026-01-15T00:00:00.000Z", -25, "2023-12-15T00:00:00.000Z"],
  ])("moves %s by %i months to %s", (from, months, to) => {
    expect(new Date(addUtcMonths(t(from), months)).toISOString()).toBe(to);
  });
});

describe("daysBetween", () => {
  it("counts UTC calendar days, whatever the time of day", () => {
    expect(daysBetween(t("2026-01-01T00:00Z"), t("2026-01-31T23:59:59.999Z"))).toBe(30);
    expect(daysBetween(t("2026-01-10T00:00Z"), t("2026-01-10T18:00Z"))).toBe(0);
    expect(daysBetween(t("2026-01-10T00:00Z"), t("2026-01-09T23:00Z"))).toBe(-1);
  });
});

describe("scoringWindow", () => {
  const asOf = t("2026-03-01T23:59:59.999Z");
  it.each([
    [12, "2025-03-01T23:59:59.999Z", false],
    [12, "2025-03-02T00:00:00.000Z", true],
    [12, "2026-03-01T23:59:59.999Z", true],
    [12, "2026-03-02T00:00:00.000Z", false],
    [1, "2026-02-01T23:59:59.999Z", false],
    [1, "2026-02-02T00:00:00.000Z", true],
  ])("with %i months, puts %s in the window: %s", (months, at, expected) => {
    expect(inWindow(scoringWindow(asOf, months), t(at))).toBe(expected);
  });
});
