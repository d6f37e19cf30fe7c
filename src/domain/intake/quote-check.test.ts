import { describe, expect, it } from "vitest";
import { DEFAULT_CHARTER, resolveCharter } from "../charter.ts";
import { checkQuote, labourCost } from "./quote-check.ts";

describe("quote check against the charter", () => {
  it.each([
    ["no discount, good margin", 100_00, 100_00, 10_00, 0, false, false],
    ["10 % discount: at the limit, allowed", 100_00, 90_00, 10_00, 0, false, false],
    ["10.01 % discount: beyond the limit", 100_00, 89_99, 10_00, 0, true, false],
    ["margin exactly 15 %", 100_00, 100_00, 85_00, 0, false, false],
    ["margin 14.99 %", 100_00, 100_00, 85_01, 0, false, true],
    ["labour counts: 60 minutes at 40 leaves 10 %", 100_00, 100_00, 50_00, 60, false, true],
    ["a free redo is never beyond the charter", 0, 0, 5_00, 30, false, false],
  ])("%s", (_name, listPrice, price, cost, minutes, beyondDiscount, belowMargin) => {
    const check = checkQuote({ listPrice, price, cost, minutes }, DEFAULT_CHARTER);
    expect(check.beyondDiscount).toBe(beyondDiscount);
    expect(check.belowMargin).toBe(belowMargin);
    expect(check.needsManager).toBe(beyondDiscount || belowMargin);
  });

  it("follows the organization's own limits", () => {
    const lenient = resolveCharter({ max_discount_pct: 20 });
    expect(
      checkQuote({ listPrice: 100_00, price: 85_00, cost: 0, minutes: 0 }, lenient).needsManager,
    ).toBe(false);
    expect(
      checkQuote({ listPrice: 100_00, price: 85_00, cost: 0, minutes: 0 }, DEFAULT_CHARTER),
    ).toMatchObject({
      discountPct: 15,
      needsManager: true,
    });
  });

  it("converts the hour cost exactly and rounds labour once", () => {
    expect(labourCost(7, resolveCharter({ hour_cost: 37.5 }))).toBe(438);
    expect(labourCost(45, DEFAULT_CHARTER)).toBe(30_00);
  });
});
