import { describe, expect, it } from "vitest";
import { conditionalExpectedPurchases } from "./bg-nbd-predictions.ts";
import { conditionalExpectedSpend } from "./conditional-expected-spend.ts";
import { customerLifetimeValue, netValue, WEEKS_PER_MONTH } from "./customer-lifetime-value.ts";

const MODEL = {
  bgNbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  spend: { p: 6.25, q: 3.74, gamma: 15.44 },
};
const CUSTOMER = { x: 2, t_x: 30.43, T: 38.86, monetary: 22.35 };

describe("customerLifetimeValue", () => {
  it("without discounting is expected purchases times expected spend", () => {
    const value = customerLifetimeValue(MODEL, CUSTOMER, { horizonWeeks: 52, discountRatePct: 0 });
    const purchases = conditionalExpectedPurchases(MODEL.bgNbd, 52, 2, 30.43, 38.86);
    expect(value.expectedPurchases).toBeCloseTo(purchases, 12);
    expect(value.expectedSpend).toBeCloseTo(conditionalExpectedSpend(MODEL.spend, 2, 22.35), 12);
    expect(value.clv).toBeCloseTo(purchases * value.expectedSpend, 10);
  });

  it("discounts a one-month horizon once, at the end of the month", () => {
    const plain = customerLifetimeValue(MODEL, CUSTOMER, {
      horizonWeeks: WEEKS_PER_MONTH,
      discountRatePct: 0,
    });
    const discounted = customerLifetimeValue(MODEL, CUSTOMER, {
      horizonWeeks: WEEKS_PER_MONTH,
      discountRatePct: 1,
    });
    expect(discounted.clv).toBeCloseTo(plain.clv / 1.01, 10);
  });

  it("uses the charter's default monthly rate of 1 %", () => {
    const horizon = { horizonWeeks: 104 };
    expect(customerLifetimeValue(MODEL, CUSTOMER, horizon)).toEqual(
      customerLifetimeValue(MODEL, CUSTOMER, { ...horizon, discountRatePct: 1 }),
    );
  });

  it("falls as the discount rate rises and grows with the horizon", () => {
    const byRate = [0, 1, 5, 20].map(
      (rate) =>
        customerLifetimeValue(MODEL, CUSTOMER, { horizonWeeks: 104, discountRatePct: rate }).clv,
    );
    expect(byRate).toEqual([...byRate].sort((a, b) => b - a));
    const byHorizon = [0, 6, 52, 520].map(
      (h) => customerLifetimeValue(MODEL, CUSTOMER, { horizonWeeks: h }).clv,
    );
    expect(byHorizon[0]).toBe(0);
    expect(byHorizon).toEqual([...byHorizon].sort((a, b) => a - b));
  });

  it("discounts a final partial month at its fractional exponent", () => {
    const plain = (h: number) =>
      customerLifetimeValue(MODEL, CUSTOMER, { horizonWeeks: h, discountRatePct: 0 }).clv;
    const horizon = 1.5 * WEEKS_PER_MONTH;
    const expected =
      plain(WEEKS_PER_MONTH) / 1.01 + (plain(horizon) - plain(WEEKS_PER_MONTH)) / 1.01 ** 1.5;
    expect(customerLifetimeValue(MODEL, CUSTOMER, { horizonWeeks: horizon }).clv).toBeCloseTo(
      expected,
      10,
    );
  });

  it.each([
    ["horizonWeeks", { horizonWeeks: -1 }],
    ["discountRatePct", { horizonWeeks: 52, discountRatePct: Number.NaN }],
  ])("rejects a bad %s", (field, options) => {
    expect(() => customerLifetimeValue(MODEL, CUSTOMER, options)).toThrow(
      expect.objectContaining({ field }),
    );
  });
});

describe("netValue", () => {
  const base = {
    clv: 1000,
    marginRate: 0.6,
    expectedPurchases: 2,
    purchaseDaysSoFar: 4,
    minutesSoFar: 60,
    hourCost: 40,
    remediesSoFar: 40,
  };

  it.each([
    ["margin minus the cost to serve per purchase day times the expected purchases", {}, 560, 20],
    ["no logged time and no remedies cost nothing", { minutesSoFar: 0, remediesSoFar: 0 }, 600, 0],
    ["no purchase history gives no cost per purchase day", { purchaseDaysSoFar: 0 }, 600, 0],
    [
      "a costly customer can be worth less than nothing",
      { minutesSoFar: 6000 },
      600 - (2 * (4000 + 40)) / 4,
      (4000 + 40) / 4,
    ],
    ["remedies alone count", { minutesSoFar: 0, remediesSoFar: 400 }, 400, 100],
  ])("%s", (_, patch, expected, perDay) => {
    const result = netValue({ ...base, ...patch });
    expect(result.netValue).toBeCloseTo(expected, 10);
    expect(result.costPerPurchaseDay).toBeCloseTo(perDay, 10);
    expect(result.expectedCostToServe).toBeCloseTo(perDay * base.expectedPurchases, 10);
  });

  it.each([
    "purchaseDaysSoFar",
    "minutesSoFar",
    "hourCost",
    "remediesSoFar",
    "expectedPurchases",
  ] as const)("rejects a negative %s", (field) => {
    expect(() => netValue({ ...base, [field]: -1 })).toThrow(expect.objectContaining({ field }));
  });
});
