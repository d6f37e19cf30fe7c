import { describe, expect, it } from "vitest";
import { ClvNumericalError } from "./clv-errors.ts";
import { bgNbdBracket, hyp2f1 } from "./hypergeometric.ts";

describe("hyp2f1", () => {
  it.each([
    ["2F1(1,1;2;z) = -ln(1-z)/z", 1, 1, 2, 0.5, -Math.log(0.5) / 0.5],
    ["2F1(1,1;2;z) near 1", 1, 1, 2, 0.99, -Math.log(0.01) / 0.99],
    ["2F1(a,b;b;z) = (1-z)^-a", 2.5, 3, 3, 0.3, 0.7 ** -2.5],
    ["2F1(1/2,1/2;3/2;z^2) = asin(z)/z", 0.5, 0.5, 1.5, 0.81, Math.asin(0.9) / 0.9],
    ["negative z", 1, 1, 2, -0.5, Math.log(1.5) / 0.5],
    ["z = 0", 3, 4, 5, 0, 1],
  ])("%s", (_, a, b, c, z, expected) => {
    expect(hyp2f1(a, b, c, z)).toBeCloseTo(expected, 11);
  });

  it("refuses |z| >= 1 with a typed error instead of returning NaN", () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(ClvNumericalError);
  });
});

describe("bgNbdBracket", () => {
  const textbook = (r: number, a: number, b: number, x: number, z: number) =>
    (1 - (1 - z) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z)) / (a - 1);

  it("matches the textbook form away from a = 1", () => {
    for (const [r, a, b, x, z] of [
      [0.243, 0.793, 2.426, 2, 0.36],
      [0.243, 0.793, 2.426, 0, 0.9],
      [1.5, 3, 0.5, 10, 0.5],
      [0.1, 0.2, 8, 1, 0.7],
    ]) {
      expect(bgNbdBracket(r, a, b, x, z)).toBeCloseTo(textbook(r, a, b, x, z), 10);
    }
  });

  it("stays finite and continuous at a = 1, where the textbook form is 0/0", () => {
    const at = bgNbdBracket(0.5, 1, 2, 1, 0.6);
    expect(Number.isFinite(at)).toBe(true);
    expect(bgNbdBracket(0.5, 1 - 1e-7, 2, 1, 0.6)).toBeCloseTo(at, 6);
    expect(bgNbdBracket(0.5, 1 + 1e-7, 2, 1, 0.6)).toBeCloseTo(at, 6);
  });

  it("is 0 for a zero horizon", () => {
    expect(bgNbdBracket(0.5, 0.8, 2, 3, 0)).toBe(0);
  });
});
