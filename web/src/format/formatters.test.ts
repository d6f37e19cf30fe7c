import { describe, expect, it } from "vitest";
import { formatters } from "./formatters.ts";

// Intl separates French thousands with a narrow no-break space and puts a no-break space
// before % and €; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

describe("formatters", () => {
  const fr = formatters("fr", "Europe/Paris");
  const en = formatters("en", "Europe/Paris");

  it.each([
    [fr.money(1234.5, "EUR"), "1 234,50 €"],
    [en.money(1234.5, "EUR"), "€1,234.50"],
    [fr.money(1200, "JPY"), "1 200 JPY"],
    [fr.num(12.345), "12,3"],
    [en.num(1234), "1,234"],
    [fr.pct(41.6), "41,6 %"],
    [en.pct(25), "25%"],
  ])("formats numbers in the interface language: %s", (actual, expected) => {
    expect(plain(actual)).toBe(expected);
  });

  it("shows instants in the organization's time zone", () => {
    expect(plain(fr.dateTime("2026-03-01T10:30:00Z"))).toBe("1 mars 2026, 11:30");
    // Summer time: UTC+2 in Paris.
    expect(plain(en.dateTime("2026-07-01T10:30:00Z"))).toBe("1 Jul 2026, 12:30");
  });

  it("shows a date alone for facts dated without a time and for an as-of day", () => {
    expect(plain(fr.instant("2026-03-01T00:00:00.000Z"))).toBe("1 mars 2026");
    expect(plain(fr.instant("2026-11-22T23:59:59.999Z"))).toBe("22 nov. 2026");
    expect(plain(fr.instant("2026-03-01T17:45:00.000Z"))).toBe("1 mars 2026, 18:45");
  });

  it("leaves text that is not a date as it is", () => {
    expect(fr.date("soon")).toBe("soon");
  });
});
