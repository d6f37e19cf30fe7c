import { describe, expect, it } from "vitest";
import { decodeFact, encodeFact } from "./fact-codec.ts";
import { parseFact } from "./fact-validation.ts";

const EUR = { currencyDigits: 2 };
const base = { customer: { type: "customer", id: "c1", at: "2026-03-01", name: "Ana" } };
const order = { type: "order", id: "o1", at: "2026-03-01", customer: "c1", price: 120 };

function errorsOf(raw: Record<string, unknown>, lenient = false): string[] {
  const r = parseFact(raw, { ...EUR, lenientNumbers: lenient });
  return r.ok ? [] : r.errors.map((e) => `${e.field}: ${e.reason}`);
}

describe("parseFact rejects each invalid field with its exact message", () => {
  const ACTIVITIES = "work, chasing, revision, complaint, negotiation, admin";
  const rows: [string, Record<string, unknown>, string][] = [
    ["a missing type", { id: "x", at: "2026-03-01" }, "type: required"],
    ["an unknown type", { type: "ordre", id: "x", at: "2026-03-01" }, 'type: unknown type "ordre"'],
    ["a missing id", { ...base.customer, id: undefined }, "id: required"],
    ["an empty id", { ...base.customer, id: " " }, "id: must not be empty"],
    ["a numeric id", { ...base.customer, id: 7 }, "id: must be a string"],
    ["a missing at", { ...base.customer, at: null }, "at: required"],
    [
      "a date-time without offset",
      { ...base.customer, at: "2026-03-01T10:00:00" },
      'at: date-time without an offset: add Z or an offset such as +02:00 ("2026-03-01T10:00:00")',
    ],
    [
      "a date in another format",
      { ...base.customer, at: "01/03/2026" },
      "at: must be a date (2026-03-01) or a date-time with an offset (2026-03-01T09:30:00+01:00)",
    ],
    ["February 30", { ...base.customer, at: "2026-02-30" }, 'at: not a real date: "2026-02-30"'],
    ["a customer without name", { ...base.customer, name: undefined }, "name: required"],
    [
      "an unknown customer kind",
      { ...base.customer, kind: "company" },
      "kind: must be one of person, business",
    ],
    ["a price that is text", { ...order, price: "abc" }, "price: must be a number"],
    ["a negative price", { ...order, price: -5 }, "price: must not be negative"],
    ["a price with 3 decimals", { ...order, price: 1.005 }, "price: must have at most 2 decimals"],
    ["an order without customer", { ...order, customer: undefined }, "customer: required"],
    ["an empty customer reference", { ...order, customer: "" }, "customer: must not be empty"],
    [
      "a fractional warranty",
      { ...order, warranty_days: 1.5 },
      "warranty_days: must be a whole number",
    ],
    [
      "delivered without offset",
      { ...order, delivered: "2026-03-02T10:00" },
      'delivered: date-time without an offset: add Z or an offset such as +02:00 ("2026-03-02T10:00")',
    ],
    [
      "a time without activity",
      { type: "time", id: "t1", at: "2026-03-01", customer: "c1", minutes: 30 },
      "activity: required",
    ],
    [
      "an unknown activity",
      { type: "time", id: "t1", at: "2026-03-01", customer: "c1", minutes: 30, activity: "sleep" },
      `activity: must be one of ${ACTIVITIES}`,
    ],
    [
      "negative minutes",
      { type: "time", id: "t1", at: "2026-03-01", customer: "c1", minutes: -3, activity: "work" },
      "minutes: must not be negative",
    ],
    [
      "a revision without order",
      { type: "revision", id: "v1", at: "2026-03-01", customer: "c1" },
      "order: required",
    ],
    [
      "an invoice without due date",
      { type: "invoice", id: "i1", at: "2026-03-01", customer: "c1", amount: 10 },
      "due: required",
    ],
    [
      "a payment without invoice",
      { type: "payment", id: "p1", at: "2026-03-01", customer: "c1", amount: 10 },
      "invoice: required",
    ],
    [
      "a reminder level 4",
      { type: "reminder", id: "r1", at: "2026-03-01", customer: "c1", invoice: "i1", level: 4 },
      "level: must be a whole number from 1 to 3",
    ],
    [
      "a return of an unknown kind",
      { type: "return", id: "x1", at: "2026-03-01", customer: "c1", order: "o1", kind: "swap" },
      "kind: must be one of exchange, refund, repair",
    ],
    [
      "a complaint with an unknown fault",
      { type: "complaint", id: "k1", at: "2026-03-01", customer: "c1", fault: "theirs" },
      "fault: must be one of ours, customer, material, shared, unknown",
    ],
    [
      "a complaint with an unknown remedy",
      { type: "complaint", id: "k1", at: "2026-03-01", customer: "c1", remedy: "gift" },
      "remedy: must be one of discount, redo, refund, none",
    ],
    [
      "an incident of severity 0",
      { type: "incident", id: "n1", at: "2026-03-01", customer: "c1", severity: 0 },
      "severity: must be a whole number from 1 to 3",
    ],
    [
      "a feedback score of 11",
      { type: "feedback", id: "f1", at: "2026-03-01", source: "customer", score: 11 },
      "score: must be a whole number from 0 to 10",
    ],
    [
      "a feedback of unknown source",
      { type: "feedback", id: "f1", at: "2026-03-01", source: "friend" },
      "source: must be one of customer, prospect, churned",
    ],
    [
      "a disclosure without code",
      { ...order, disclosures: [{ text: "no refund on custom work" }] },
      "disclosures[0].code: required",
    ],
    [
      "disclosures that are not a list",
      { ...order, disclosures: "{oops" },
      "disclosures: must be a JSON array of {code, text, acknowledged_at}",
    ],
    [
      "disclosures that are not an array",
      { ...order, disclosures: { code: "x" } },
      "disclosures: must be an array of {code, text, acknowledged_at}",
    ],
    [
      "a disclosure that is not an object",
      { ...order, disclosures: ["plastique"] },
      "disclosures[0]: must be an object {code, text, acknowledged_at}",
    ],
    ["an email that is a number", { ...base.customer, email: 42 }, "email: must be a string"],
  ];
  it.each(rows)("rejects %s", (_name, raw, message) => {
    expect(errorsOf(raw)).toEqual([message]);
  });

  it("rejects cents in a currency without minor units: price: must be a whole amount", () => {
    const r = parseFact({ ...order, price: 12.5 }, { currencyDigits: 0 });
    expect(r.ok ? [] : r.errors.map((e) => `${e.field}: ${e.reason}`)).toEqual([
      "price: must be a whole amount",
    ]);
  });

  it("lists every bad field of a line", () => {
    expect(errorsOf({ type: "order", id: "o1", at: "x", price: "?" })).toEqual([
      "at: must be a date (2026-03-01) or a date-time with an offset (2026-03-01T09:30:00+01:00)",
      "price: must be a number",
      "customer: required",
    ]);
  });
});

describe("parseFact normalizes valid lines", () => {
  it("reads a date as midnight UTC and a date-time with its offset", () => {
    const r = parseFact({ ...order, at: "2026-03-01T10:00:00+02:00", due: "2026-04-01" }, EUR);
    expect(r.ok && r.fact.at).toBe(Date.UTC(2026, 2, 1, 8));
    expect(r.ok && r.offsets).toEqual({ at: "+02:00" });
    expect(r.ok && r.fact.type === "order" && r.fact.due).toBe(Date.UTC(2026, 3, 1));
  });

  it("stores money in minor units and fills list_price and cost", () => {
    const r = parseFact({ ...order, price: 19.99 }, EUR);
    expect(r.ok && r.fact).toMatchObject({ price: 1999, list_price: 1999, cost: 0 });
  });

  it("defaults a customer's status to active and keeps unknown fields under extra", () => {
    const r = parseFact({ ...base.customer, vip: true, note: null }, EUR);
    expect(r.ok && r.fact).toMatchObject({ status: "active", extra: { vip: true } });
  });

  it("keeps fields named like Object.prototype members under extra, as any unknown field", () => {
    const raw = JSON.parse(
      '{"type":"chase","id":"h1","at":"2026-01-05","customer":"c1","constructor":"x","toString":1,"__proto__":{"a":1}}',
    );
    const r = parseFact(raw, EUR);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const extra = (r.fact as { extra?: Record<string, unknown> }).extra ?? {};
    expect(Object.keys(extra)).toEqual(["constructor", "toString", "__proto__"]);
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
    const stored = decodeFact({ ...encodeFact(r.fact), customer: "c1" });
    expect(JSON.stringify((stored as { extra?: unknown }).extra)).toBe(
      '{"__proto__":{"a":1},"constructor":"x","toString":1}',
    );
  });

  const lenient: [string, number][] = [
    ["1 234,50", 123450],
    ["1\u00a0234,5", 123450],
    ["1\u202f234\u202f567,00", 123456700],
    ["12,5", 1250],
    ["1.234,50", 123450],
    ["1,234.50", 123450],
    ["42", 4200],
  ];
  it.each(lenient)("reads the spreadsheet amount %j in lenient mode", (text, minor) => {
    const r = parseFact({ ...order, price: text }, { ...EUR, lenientNumbers: true });
    expect(r.ok && r.fact.type === "order" && r.fact.price).toBe(minor);
  });

  it("reads a refund as a payment with a negative amount (docs/payments.md), and only a payment", () => {
    const refund = { type: "payment", id: "rf1", at: "2026-03-01", customer: "c1", invoice: "i1" };
    const cases: [unknown, boolean, number][] = [
      [-30, false, -3000],
      ["-12,50", true, -1250],
      ["-0", false, 0],
    ];
    for (const [amount, lenientNumbers, minor] of cases) {
      const r = parseFact({ ...refund, amount }, { ...EUR, lenientNumbers });
      expect(r.ok && r.fact.type === "payment" && r.fact.amount).toBe(minor);
    }
    expect(errorsOf({ ...refund, amount: "-1.005" })).toEqual([
      "amount: must have at most 2 decimals",
    ]);
    expect(errorsOf({ ...refund, type: "invoice", due: "2026-04-01", amount: -5 })).toEqual([
      "amount: must not be negative",
    ]);
  });

  it("refuses decimal commas outside lenient mode", () => {
    expect(errorsOf({ ...order, price: "12,5" })).toEqual(["price: must be a number"]);
  });

  it("reads disclosures given as JSON text (a CSV cell)", () => {
    const cell =
      '[{"code":"no-refund","text":"Sur mesure","acknowledged_at":"2026-03-01T09:00:00+01:00"}]';
    const r = parseFact({ ...order, disclosures: cell }, EUR);
    expect(r.ok && r.fact.type === "order" && r.fact.disclosures).toEqual([
      { code: "no-refund", text: "Sur mesure", acknowledged_at: Date.UTC(2026, 2, 1, 8) },
    ]);
  });
});

describe("encodeFact and decodeFact", () => {
  it("round-trips a fact through its stored form", () => {
    const r = parseFact({ ...order, delivered: "2026-03-04T16:00:00+01:00", zz: [1] }, EUR);
    if (!r.ok) throw new Error("invalid");
    const enc = encodeFact(r.fact, r.offsets);
    expect(enc).toMatchObject({ type: "order", id: "o1", customer: "c1", at_offset: null });
    expect(JSON.parse(enc.data)._offsets).toEqual({ delivered: "+01:00" });
    expect(decodeFact(enc)).toEqual(r.fact);
  });

  it("keeps the offset a disclosure's acknowledgement was written with", () => {
    const r = parseFact(
      {
        ...order,
        disclosures: [
          {
            code: "plastic",
            text: "Semelle plastique",
            acknowledged_at: "2026-03-01T10:00:00+02:00",
          },
          { code: "colour", text: "Teinte approchée", acknowledged_at: "2026-03-01T08:00:00Z" },
        ],
      },
      EUR,
    );
    if (!r.ok) throw new Error("invalid");
    const enc = encodeFact(r.fact, r.offsets);
    expect(JSON.parse(enc.data)._offsets).toEqual({
      "disclosures[0].acknowledged_at": "+02:00",
      "disclosures[1].acknowledged_at": "Z",
    });
    expect(decodeFact(enc)).toEqual(r.fact);
    expect(r.fact.type === "order" && r.fact.disclosures?.[0].acknowledged_at).toBe(
      Date.UTC(2026, 2, 1, 8),
    );
  });

  it("gives the same content whatever the key order, decimals or offsets", () => {
    const a = parseFact({ ...order, price: 12.5, at: "2026-03-01T10:00:00+02:00" }, EUR);
    const b = parseFact(
      { price: "12.50", customer: "c1", at: "2026-03-01T08:00:00Z", id: "o1", type: "order" },
      EUR,
    );
    if (!a.ok || !b.ok) throw new Error("invalid");
    expect(encodeFact(a.fact, a.offsets).content).toBe(encodeFact(b.fact, b.offsets).content);
  });
});
