import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeFact } from "./fact-codec.ts";
import {
  exportColumns,
  exportFact,
  formatInstant,
  parseTypeList,
  type StoredFactRow,
} from "./fact-export.ts";
import { parseFact } from "./fact-validation.ts";
import { fromMinor, toMinor } from "./money.ts";

/** A line through the import's parser and codec, as the store keeps it. */
function stored(line: Record<string, unknown>): { row: StoredFactRow; content: string } {
  const parsed = parseFact(line, { currencyDigits: 2 });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const enc = encodeFact(parsed.fact, parsed.offsets);
  return { row: enc, content: enc.content };
}

describe("exportFact", () => {
  it.each([
    [Date.UTC(2026, 2, 1), null, "2026-03-01"],
    [Date.UTC(2026, 2, 1), "Z", "2026-03-01T00:00:00Z"],
    [Date.UTC(2026, 2, 1, 8), "+02:00", "2026-03-01T10:00:00+02:00"],
    [Date.UTC(2026, 2, 1, 1), "-03:00", "2026-02-28T22:00:00-03:00"],
    [Date.UTC(2026, 2, 1, 8, 30, 5, 250), "+05:30", "2026-03-01T14:00:05.250+05:30"],
    [Date.UTC(2026, 2, 1, 13, 45, 12, 345), null, "2026-03-01T13:45:12.345Z"],
    [Date.UTC(1969, 11, 31), null, "1969-12-31"],
  ])("writes the instant %d with offset %j as %s", (ms, offset, text) => {
    expect(formatInstant(ms, offset)).toBe(text);
  });

  it("gives back a line that the import stores as the same fact", () => {
    const line = {
      type: "order",
      id: "o1",
      at: "2026-01-10T10:30:00-03:00",
      customer: "c1",
      price: "19.990",
      list_price: 24.5,
      due: "2026-01-20",
      delivered: "2026-01-18T17:45:30.250+01:00",
      disclosures: [
        { code: "x", text: "t", acknowledged_at: "2026-01-10T10:35:00-03:00", by: "Ana" },
      ],
      corrects: "o0",
      colour: { name: "bleu" },
    };
    const { row, content } = stored(line);
    const out = exportFact(row, 2);
    expect(out).toEqual({
      type: "order",
      id: "o1",
      at: "2026-01-10T10:30:00-03:00",
      customer: "c1",
      price: 19.99,
      list_price: 24.5,
      cost: 0,
      due: "2026-01-20",
      delivered: "2026-01-18T17:45:30.250+01:00",
      disclosures: [
        { code: "x", text: "t", acknowledged_at: "2026-01-10T10:35:00-03:00", by: "Ana" },
      ],
      corrects: "o0",
      colour: { name: "bleu" },
    });
    expect(Object.keys(out).slice(0, 4)).toEqual(["type", "id", "at", "customer"]);
    expect(stored(out).content).toBe(content);
    expect(stored(JSON.parse(JSON.stringify(out))).row).toEqual(row);
  });

  it("keeps a field named __proto__ as a field, and a customer line's own `customer` field", () => {
    const line = JSON.parse(
      '{"type":"customer","id":"c1","at":"2026-01-01","name":"A","customer":"x","__proto__":"y"}',
    );
    const { row, content } = stored(line);
    const out = exportFact(row, 2);
    expect(JSON.stringify(out)).toContain('"__proto__":"y"');
    expect(out.customer).toBe("x");
    expect(stored(JSON.parse(JSON.stringify(out))).content).toBe(content);
    expect(exportColumns("customer", ["customer", "__proto__"])).toEqual([
      "type",
      "id",
      "at",
      "name",
      "kind",
      "email",
      "phone",
      "status",
      "lang",
      "corrects",
      "__proto__",
      "customer",
    ]);
  });

  it("writes every amount back as the decimal it was (0, 2 and 3 decimals)", () => {
    for (const digits of [0, 2, 3]) {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e13 }), (minor) => {
          return toMinor(String(fromMinor(minor, digits)), digits) === minor;
        }),
        { numRuns: 3000 },
      );
    }
  });
});

describe("type names", () => {
  it("reads --type lists, singular or plural, and names the first unknown one", () => {
    expect(parseTypeList("orders, Customer,order")).toEqual({ types: ["order", "customer"] });
    expect(parseTypeList("order,ordre")).toEqual({ unknown: "ordre" });
    expect(parseTypeList(" , ")).toEqual({ types: [] });
  });
});

describe("a refund (a payment with a negative amount, docs/payments.md)", () => {
  it("exports as a negative decimal amount, with its method and staff, and imports back the same", () => {
    const line = {
      type: "payment",
      id: "rf-1",
      at: "2026-11-20T10:00:00Z",
      customer: "c1",
      invoice: "2026-0001",
      amount: -30.5,
      method: "card",
      staff: "Léa Martin",
    };
    const { row, content } = stored(line);
    const out = exportFact(row, 2);
    expect(out).toMatchObject({ amount: -30.5, method: "card", staff: "Léa Martin" });
    expect(stored(out).content).toBe(content);
  });
});
