import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addUtcMonths, utcYear } from "./calendar.ts";

/** What addUtcMonths computed with Date objects, before its arithmetic: the reference. */
function addUtcMonthsByDate(at: number, months: number): number {
  const d = new Date(at);
  const target = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), target + 1, 0)).getUTCDate();
  return Date.UTC(
    d.getUTCFullYear(),
    target,
    Math.min(d.getUTCDate(), lastDay),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

const YEAR_MS = 365.2425 * 86_400_000;
/** Instants from year -100 to 10100: the arithmetic's range (100 to 9999) and past both ends. */
const instants = fc.integer({ min: Math.round(-2070 * YEAR_MS), max: Math.round(8130 * YEAR_MS) });
const unusual = fc.constantFrom(
  -0,
  0.5,
  -1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  8.64e15,
  -8.64e15 - 1,
  -59_011_459_200_001, // the last instant of year 99
  -59_011_459_200_000, // 0100-01-01
  253_402_300_799_999, // 9999-12-31T23:59:59.999Z
  253_402_300_800_000,
);

describe("addUtcMonths", () => {
  it("gives what Date gives, for any instant and move", () => {
    const moves = fc.oneof(
      fc.integer({ min: -40, max: 40 }),
      fc.integer({ min: -1_300_000, max: 1_300_000 }),
      fc.constantFrom(0.5, -12.7, Number.NaN),
    );
    fc.assert(
      fc.property(fc.oneof(instants, unusual), moves, (at, months) => {
        expect(Object.is(addUtcMonths(at, months), addUtcMonthsByDate(at, months))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it("keeps Date's reading of years 0 to 99 as 1900 to 1999", () => {
    const year50 = Date.parse("0050-03-31T10:00:00.000Z");
    expect(addUtcMonths(year50, -1)).toBe(addUtcMonthsByDate(year50, -1));
    expect(new Date(addUtcMonths(year50, -1)).getUTCFullYear()).toBe(1950);
  });
});

describe("utcYear", () => {
  it("gives Date's UTC year, for any instant", () => {
    fc.assert(
      fc.property(fc.oneof(instants, unusual), (at) => {
        expect(Object.is(utcYear(at), new Date(at).getUTCFullYear())).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ["2025-12-31T23:59:59.999Z", 2025],
    ["2026-01-01T00:00:00.000Z", 2026],
    ["2024-02-29T12:00:00.000Z", 2024],
  ])("puts %s in %i", (iso, year) => {
    expect(utcYear(Date.parse(iso))).toBe(year);
  });
});
