import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellText, csvField, neutralizeCell, restoreCell } from "./csv-cells.ts";

describe("CSV cells", () => {
  it.each([
    ["+33 6 12 34 56 78", "'+33 6 12 34 56 78"],
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tindented", "'\tindented"],
    ["\rcarriage", "'\rcarriage"],
    // A quote before such a character is one more quote: it comes back too.
    ["'=1+1", "''=1+1"],
    ["''+x", "'''+x"],
    // Anything else is left alone, quotes included.
    ["'t Hooft", "'t Hooft"],
    ["Ana", "Ana"],
    ["12,50", "12,50"],
    ["", ""],
    [" =x", " =x"],
  ])("neutralizes %j as %j, and the import restores it", (text, cell) => {
    expect(neutralizeCell(text)).toBe(cell);
    expect(restoreCell(cell)).toBe(text);
  });

  it("restores every text neutralized, whatever it is", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^['=+\-@\t\r]{0,4}[a-z]{0,3}$/)),
        (text) => restoreCell(neutralizeCell(text)) === text,
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    ["plain", ";", "plain"],
    ["a;b", ";", '"a;b"'],
    ["a;b", ",", "a;b"],
    ['say "hi"', ",", '"say ""hi"""'],
    ["two\nlines", ",", '"two\nlines"'],
    ["Ana ", ",", '"Ana "'],
    ['=HYPERLINK("x")', ";", `"'=HYPERLINK(""x"")"`],
    ["\tx", ",", "'\tx"],
  ])("writes %j with %j as %s", (text, delimiter, field) => {
    expect(csvField(text, delimiter)).toBe(field);
  });

  it.each([
    [12.5, true, true, "12,5"],
    [12.5, true, false, "12.5"],
    [12.5, false, true, "12.5"],
    [undefined, false, false, ""],
    [null, false, false, ""],
    [true, false, false, "true"],
    [{ a: 1 }, false, false, '{"a":1}'],
    [[{ code: "x" }], false, false, '[{"code":"x"}]'],
  ])("writes the value %j (money %s, decimal comma %s) as %j", (value, money, comma, text) => {
    expect(cellText(value, money, comma)).toBe(text);
  });
});
