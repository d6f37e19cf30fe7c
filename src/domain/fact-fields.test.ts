import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  commonInstant,
  numberMinor,
  parseInstant,
  parseInstantGeneral,
  parseMoney,
  parseMoneyGeneral,
  parseText,
  parseWhole,
} from "./fact-fields.ts";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Instants near the common shapes: fields just in and out of range, other separators, zones. */
const nearInstant = fc
  .record({
    year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(1900, 2000, 2024, 99, 100)),
    yearWidth: fc.constantFrom(4, 4, 4, 3, 5),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    time: fc.option(
      fc.record({
        sep: fc.constantFrom("T", "T", "T", "t", " ", "X"),
        h: fc.integer({ min: 0, max: 25 }),
        mi: fc.integer({ min: 0, max: 61 }),
        s: fc.option(fc.integer({ min: 0, max: 61 })),
        frac: fc.option(fc.constantFrom(".5", ",25", ".123456789", ".")),
        zone: fc.oneof(
          fc.constantFrom("Z", "Z", "z", "", "+01", " Z"),
          fc
            .tuple(
              fc.constantFrom("+", "-"),
              fc.integer({ min: 0, max: 25 }),
              fc.integer({ min: 0, max: 61 }),
              fc.constantFrom(":", ":", ""),
            )
            .map(([sign, h, m, colon]) => `${sign}${pad(h, 2)}${colon}${pad(m, 2)}`),
        ),
      }),
    ),
    around: fc.constantFrom("", "", "", " ", "\t", "\u00a0"),
  })
  .map(({ year, yearWidth, month, day, time, around }) => {
    let text = `${pad(year, yearWidth)}-${pad(month, 2)}-${pad(day, 2)}`;
    if (time) {
      const seconds = time.s === null ? "" : `:${pad(time.s, 2)}${time.frac ?? ""}`;
      text += `${time.sep}${pad(time.h, 2)}:${pad(time.mi, 2)}${seconds}${time.zone}`;
    }
    return `${around}${text}${around}`;
  });

describe("parseInstant's reading of the common shapes", () => {
  it("agrees with the general parser on instants near the common shapes", () => {
    fc.assert(
      fc.property(nearInstant, (text) => {
        expect(parseInstant(text)).toEqual(parseInstantGeneral(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it("agrees with the general parser on any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        expect(parseInstant(text)).toEqual(parseInstantGeneral(text));
      }),
    );
  });

  it.each([
    ["2026-03-01", { ms: Date.UTC(2026, 2, 1) }],
    ["2024-02-29", { ms: Date.UTC(2024, 1, 29) }],
    ["0050-03-01", { ms: new Date(0).setUTCFullYear(50, 2, 1) }],
    ["2026-03-01T10:00:00Z", { ms: Date.UTC(2026, 2, 1, 10), offset: "Z" }],
    ["2026-03-01T10:00:00+05:30", { ms: Date.UTC(2026, 2, 1, 4, 30), offset: "+05:30" }],
    ["2026-03-01T10:00:00-00:00", { ms: Date.UTC(2026, 2, 1, 10), offset: "-00:00" }],
  ])("reads %s itself", (text, instant) => {
    expect(commonInstant(text)).toEqual(instant);
    expect(parseInstantGeneral(text)).toEqual({ value: instant });
  });

  it.each([
    "2026-02-30",
    "1900-02-29",
    "2026-13-01",
    "2026-03-01T24:00:00Z",
    "2026-03-01T10:00:00+24:00",
    "2026-03-01T10:00:00+0530",
    "2026-03-01t10:00:00z",
    "2026-03-01T10:00:00.5Z",
    "2026-03-01T10:00:00",
    " 2026-03-01",
    "２０２６-03-01",
  ])("leaves %s to the general parser", (text) => {
    expect(commonInstant(text)).toBeUndefined();
  });
});

/** Amounts as JSON gives them: whole, with cents, tiny, huge, negative, in exponent form. */
const jsonNumber = fc.oneof(
  fc.integer(),
  fc.nat({ max: 10_000_000 }).map((n) => n / 100),
  fc.nat({ max: 10_000_000 }).map((n) => n / 1000),
  fc.maxSafeNat().map((n) => n / 100),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(
    -0,
    0.1 + 0.2,
    1.005,
    2.675,
    1e21,
    1e-7,
    1.5e-7,
    5e-324,
    2 ** 53,
    2 ** 53 - 1,
    90071992547409.91,
    99999999999999.98,
    Number.MAX_VALUE,
  ),
);

describe("parseMoney's reading of JSON numbers", () => {
  it("agrees with the general path (decimalText and toMinor)", () => {
    fc.assert(
      fc.property(
        jsonNumber,
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        (n, digits, lenient) => {
          expect(parseMoney(n, digits, lenient)).toEqual(parseMoneyGeneral(n, digits, lenient));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it.each([
    [89, 8900],
    [16.68, 1668],
    [0.29, 29],
    [-0, 0],
    [40_000_000, 4_000_000_000],
  ])("reads %d as %d minor units itself", (n, minor) => {
    expect(numberMinor(n, 2)).toBe(minor);
    expect(Object.is(numberMinor(n, 2), minor)).toBe(true); // no -0
  });

  it.each([12.345, -5, 1e21, 1e-7, 2 ** 53])("leaves %d to the general path", (n) => {
    expect(numberMinor(n, 2)).toBeUndefined();
  });
});

describe("parseWhole's reading of JSON numbers", () => {
  // For a safe integer n, decimalText(n) and decimalText(String(n)) are both String(n): the
  // text path is what parseWhole did for such numbers before it read them directly.
  it("reads safe integers as their text reads", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constantFrom(-0, 2 ** 53 - 1, 1 - 2 ** 53)),
        fc.integer({ min: -1, max: 3 }),
        fc.option(fc.integer({ min: 0, max: 10 })),
        (n, min, max) => {
          const r = parseWhole(n, false, min, max ?? undefined);
          expect(r).toEqual(parseWhole(String(n), false, min, max ?? undefined));
        },
      ),
    );
  });
});

describe("parseText's blank check", () => {
  it("refuses exactly the text that trims to nothing", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom("", " ", "\t", "\u00a0", "\u3000", "\ufeff", "\u2028", " x", "x "),
        ),
        (text) => {
          const expected = text.trim() === "" ? { reason: "must not be empty" } : { value: text };
          expect(parseText(text, true)).toEqual(expected);
        },
      ),
    );
  });
});
