import { describe, expect, it } from "vitest";
import { demoClock } from "./demo-clock.ts";

describe("demoClock", () => {
  it.each([
    ["2026-03-10", -9, "2026-03-01"],
    ["2026-01-05", -10, "2025-12-26"],
    ["2028-03-01", -1, "2028-02-29"],
  ])("counts days from %s (%i → %s)", (today, offset, expected) => {
    expect(demoClock(today).date(offset)).toBe(expected);
  });

  it.each([
    ["2026-01-15", "10:15", "2026-01-15T10:15:00+01:00"],
    ["2026-03-28", "12:00", "2026-03-28T12:00:00+01:00"], // day before summer time
    ["2026-03-29", "12:00", "2026-03-29T12:00:00+02:00"], // last Sunday of March
    ["2026-10-24", "12:00", "2026-10-24T12:00:00+02:00"],
    ["2026-10-25", "12:00", "2026-10-25T12:00:00+01:00"], // last Sunday of October
  ])("gives Paris wall-clock time with its offset on %s", (day, time, expected) => {
    expect(demoClock(day).dateTime(0, time)).toBe(expected);
  });
});
