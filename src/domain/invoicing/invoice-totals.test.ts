import { describe, expect, it } from "vitest";
import type { InvoiceLine } from "./invoice-document.ts";
import {
  computeTotals,
  depositBase,
  divRound,
  lineNetMinor,
  quantityMilli,
  vatOnBase,
} from "./invoice-totals.ts";

const line = (over: Partial<InvoiceLine>): InvoiceLine => ({
  description: "Prestation",
  quantity: 1,
  unitPriceMinor: 10000,
  vatRate: 20,
  nature: "services",
  ...over,
});

/** A small seeded generator, so the property tests repeat. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("invoice totals (EN 16931 arithmetic)", () => {
  it("rounds half away from zero, exactly", () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(-5n, 2n)).toBe(-3n);
    expect(divRound(4n, 3n)).toBe(1n);
    expect(divRound(1234567891234567n * 550n, 10000n)).toBe(67901234017901n);
  });

  it("computes a line net from quantity, unit price and discount, rounded once", () => {
    expect(lineNetMinor({ quantity: 3, unitPriceMinor: 3333 })).toBe(9999);
    expect(lineNetMinor({ quantity: 1.5, unitPriceMinor: 1999 })).toBe(2999); // 2998.5 -> 2999
    expect(lineNetMinor({ quantity: 2, unitPriceMinor: 5000, discountMinor: 1000 })).toBe(9000);
    expect(lineNetMinor({ quantity: 0.125, unitPriceMinor: 100 })).toBe(13); // 12.5 -> 13
    expect(() => quantityMilli(1.0001)).toThrow(/3 decimals/);
  });

  it("computes VAT per rate on the rate's base, rounded once, not line by line", () => {
    // Three lines of 0.10 at 5.5 %: line by line 0.01 each = 0.03; on the base 0.30 -> 0.02.
    const totals = computeTotals({
      vatExemption: null,
      lines: [
        line({ unitPriceMinor: 10, vatRate: 5.5 }),
        line({ unitPriceMinor: 10, vatRate: 5.5 }),
        line({ unitPriceMinor: 10, vatRate: 5.5 }),
        line({ unitPriceMinor: 12345, vatRate: 20 }),
        line({ unitPriceMinor: 500, vatRate: 0, nature: "goods" }),
      ],
    });
    expect(totals.vatBreakdown).toEqual([
      { category: "S", rate: 20, taxableMinor: 12345, vatMinor: 2469 },
      { category: "S", rate: 5.5, taxableMinor: 30, vatMinor: 2 },
      { category: "Z", rate: 0, taxableMinor: 500, vatMinor: 0 },
    ]);
    expect(totals.lineNetTotalMinor).toBe(12875);
    expect(totals.totalExclVatMinor).toBe(12875);
    expect(totals.vatTotalMinor).toBe(2471);
    expect(totals.totalInclVatMinor).toBe(15346);
    expect(totals.amountDueMinor).toBe(15346);
  });

  it("puts exempt documents in one exempt category with its reason code and no VAT", () => {
    const franchise = computeTotals({
      vatExemption: "franchise",
      lines: [line({ vatRate: 20 }), line({ vatRate: 10, unitPriceMinor: 250 })],
    });
    expect(franchise.vatBreakdown).toEqual([
      {
        category: "E",
        rate: 0,
        taxableMinor: 10250,
        vatMinor: 0,
        exemptionCode: "VATEX-FR-FRANCHISE",
      },
    ]);
    expect(franchise.totalInclVatMinor).toBe(10250);
    const reverse = computeTotals({ vatExemption: "reverse_charge", lines: [line({})] });
    expect(reverse.vatBreakdown[0]).toMatchObject({ category: "AE", exemptionCode: "VATEX-EU-AE" });
    const exported = computeTotals({ vatExemption: "export", lines: [line({})] });
    expect(exported.vatBreakdown[0]).toMatchObject({ category: "G", exemptionCode: "VATEX-EU-G" });
  });

  it("draws deposits down from the amount due (BT-113, BR-CO-16)", () => {
    const totals = computeTotals({
      vatExemption: null,
      lines: [line({ unitPriceMinor: 100000 })],
      references: { deposits: [{ number: "2026-0001", amountMinor: 36000 }] },
    });
    expect(totals.totalInclVatMinor).toBe(120000);
    expect(totals.depositsDrawnDownMinor).toBe(36000);
    expect(totals.amountDueMinor).toBe(84000);
  });

  it("finds the base of an amount incl. VAT", () => {
    expect(depositBase(1200, 20)).toBe(1000);
    expect(depositBase(36000, 20)).toBe(30000);
    for (const rate of [20, 10, 5.5, 2.1, 0]) {
      for (let amount = 1; amount < 2000; amount += 7) {
        const base = depositBase(amount, rate);
        expect(Math.abs(base + vatOnBase(base, rate) - amount)).toBeLessThanOrEqual(1);
      }
    }
  });

  it("holds BR-CO-10 to BR-CO-16 on random documents", () => {
    const rand = lcg(16);
    const rates = [20, 10, 5.5, 2.1, 0];
    for (let n = 0; n < 500; n++) {
      const lines = Array.from({ length: 1 + Math.floor(rand() * 8) }, () =>
        line({
          quantity: Math.floor(rand() * 10000) / 1000 + 0.001,
          unitPriceMinor: Math.floor(rand() * 1_000_000),
          vatRate: rates[Math.floor(rand() * rates.length)] as number,
          discountMinor: rand() < 0.3 ? Math.floor(rand() * 100) : undefined,
        }),
      );
      const deposits =
        rand() < 0.3 ? [{ number: "D", amountMinor: Math.floor(rand() * 1000) }] : [];
      const t = computeTotals({ vatExemption: null, lines, references: { deposits } });
      for (const v of [
        t.lineNetTotalMinor,
        t.vatTotalMinor,
        t.totalInclVatMinor,
        t.amountDueMinor,
      ]) {
        expect(Number.isSafeInteger(v)).toBe(true);
      }
      // BR-CO-10
      expect(t.lineNetTotalMinor).toBe(lines.reduce((s, l) => s + lineNetMinor(l), 0));
      // BR-CO-13
      expect(t.totalExclVatMinor).toBe(
        t.lineNetTotalMinor - t.allowanceTotalMinor + t.chargeTotalMinor,
      );
      // BR-CO-14 and BR-CO-17 (VAT = base x rate / 100 rounded to the cent, per rate)
      expect(t.vatTotalMinor).toBe(t.vatBreakdown.reduce((s, r) => s + r.vatMinor, 0));
      for (const row of t.vatBreakdown) {
        expect(Math.abs(row.vatMinor - (row.taxableMinor * row.rate) / 100)).toBeLessThanOrEqual(
          0.5 + 1e-9,
        );
        const base = lines
          .filter((l) => (l.vatRate === 0 ? "Z" : "S") === row.category && l.vatRate === row.rate)
          .reduce((s, l) => s + lineNetMinor(l), 0);
        expect(row.taxableMinor).toBe(base);
      }
      // one row per category and rate
      expect(new Set(t.vatBreakdown.map((r) => `${r.category}${r.rate}`)).size).toBe(
        t.vatBreakdown.length,
      );
      // BR-CO-15, BR-CO-16
      expect(t.totalInclVatMinor).toBe(t.totalExclVatMinor + t.vatTotalMinor);
      expect(t.amountDueMinor).toBe(
        t.totalInclVatMinor - t.depositsDrawnDownMinor + t.roundingMinor,
      );
    }
  });
});
