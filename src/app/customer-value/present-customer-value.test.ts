import { describe, expect, it } from "vitest";
import { scatterSample } from "./present-customer-value.ts";

const points = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `c${i}`,
    // Net values and costs in an order unrelated to the ids.
    netValue: ((i * 7919) % n) - n / 2,
    costToServe: (i * 104729) % 1000,
  }));

describe("scatterSample", () => {
  it("keeps every point, in order, when there are no more than the maximum", () => {
    const few = points(50);
    expect(scatterSample(few, 50)).toEqual(few);
  });

  it("keeps at most the maximum: the costliest to serve and both ends of net value", () => {
    const many = points(10_000);
    const shown = scatterSample(many, 200);
    expect(shown).toHaveLength(200);
    expect(new Set(shown.map((p) => p.id)).size).toBe(200);
    const byValue = [...many].sort((a, b) => a.netValue - b.netValue);
    expect(shown).toContain(byValue[0]);
    expect(shown).toContain(byValue.at(-1));
    const costliest = Math.max(...many.map((p) => p.costToServe));
    expect(shown.some((p) => p.costToServe === costliest)).toBe(true);
    // In the input's order, and the same every time.
    expect(shown.map((p) => many.indexOf(p))).toEqual(
      shown.map((p) => many.indexOf(p)).sort((a, b) => a - b),
    );
    expect(scatterSample(many, 200)).toEqual(shown);
  });
});
