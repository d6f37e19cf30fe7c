import { describe, expect, it } from "vitest";
import { formatMoney } from "./present-scorecard.ts";

describe("formatMoney", () => {
  it("formats each language and currency with its own formatter, however often it is asked", () => {
    const fresh = (amount: number, currency: string, locale: string) =>
      new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount);
    for (let i = 0; i < 3; i++) {
      expect(formatMoney(1234.5, "EUR", "fr")).toBe(fresh(1234.5, "EUR", "fr-FR"));
      expect(formatMoney(1234.5, "EUR", "en")).toBe(fresh(1234.5, "EUR", "en-GB"));
      expect(formatMoney(-3, "USD", "fr")).toBe(fresh(-3, "USD", "fr-FR"));
      expect(formatMoney(99, "JPY", "en")).toBe(fresh(99, "JPY", "en-GB"));
    }
  });
});
