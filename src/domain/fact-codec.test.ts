import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeFact, decodeFactColumns, encodeFact, parseStoredInstant } from "./fact-codec.ts";
import type { Fact } from "./facts.ts";

describe("parseStoredInstant", () => {
  it.each([
    "2026-03-01T08:00:00.000Z",
    "1970-01-01T00:00:00.000Z",
    "2026-02-31T00:00:00.000Z",
    "2026-12-31T23:59:59.999Z",
    "2026-13-01T00:00:00.000Z",
    "2026-03-01T24:00:00.000Z",
    "2026-03-01T08:60:00.000Z",
    "2026-03-01T08:00:00.000+01:00",
    "2026-03-01T08:00:00Z",
    "2026-03-01",
    "2026-0a-01T08:00:00.000Z",
    "not a date at all, 24 ch",
  ])("gives what Date.parse gives for %s", (text) => {
    expect(parseStoredInstant(text)).toEqual(Date.parse(text));
  });

  it("reads back every instant the codec writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253402300799999 }), (ms) => {
        expect(parseStoredInstant(new Date(ms).toISOString())).toBe(ms);
      }),
    );
  });
});

describe("decodeFact", () => {
  it("gives back the encoded fact, instants as epoch ms, without the original offsets", () => {
    const order = {
      type: "order",
      id: "o1",
      at: Date.parse("2026-03-01T08:00:00.000Z"),
      customer: "c1",
      price: 21973,
      list_price: 26400,
      cost: 406,
      delivered: Date.parse("2026-03-08T09:00:00.000Z"),
      warranty_days: 365,
    } as Fact;
    const enc = encodeFact(order, { at: "+01:00", delivered: "+01:00" });
    expect(enc.data).toContain("_offsets");
    const back = decodeFact(enc);
    expect(back).toEqual(order);
    expect(Object.keys(back)).not.toContain("_offsets");
  });

  it("decodes the columns themselves as it decodes the row, keys in the same order", () => {
    const enc = encodeFact(
      { type: "invoice", id: "i1", at: 0, customer: "c1", amount: 5, due: 86_400_000 } as Fact,
      { due: "+02:00" },
    );
    const fromColumns = decodeFactColumns(enc.type, enc.id, enc.at, enc.customer, enc.data);
    expect(fromColumns).toEqual(decodeFact(enc));
    expect(Object.keys(fromColumns)).toEqual(Object.keys(decodeFact(enc)));
  });
});
