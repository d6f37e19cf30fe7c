import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, encodeFact, isoUtc } from "./fact-codec.ts";
import { INSTANT_FIELDS } from "./fact-validation.ts";
import { FACT_TYPES, type Fact } from "./facts.ts";

/**
 * encodeFact as it was before it was made faster (object rest, toISOString, sort): the
 * reference its output must match byte for byte, since stored content hashes depend on it.
 */
function referenceEncode(fact: Fact, offsets: Record<string, string> = {}) {
  const iso = (ms: number) => new Date(ms).toISOString();
  const bodyJson = (body: Record<string, unknown>) => {
    let out = "";
    for (const key of Object.keys(body).sort()) {
      const v = body[key];
      if (v === undefined) continue;
      const text = typeof v === "object" && v !== null ? canonicalJson(v) : JSON.stringify(v);
      out += out === "" ? `"${key}":${text}` : `,"${key}":${text}`;
    }
    return `{${out}}`;
  };
  const { type, id, at, ...rest } = fact as Fact & { customer?: string };
  const body: Record<string, unknown> = rest;
  const customer = type === "customer" ? id : (body.customer as string | undefined);
  body.customer = undefined;
  for (const key of INSTANT_FIELDS) {
    if (typeof body[key] === "number") body[key] = iso(body[key] as number);
  }
  if (Array.isArray(body.disclosures)) {
    body.disclosures = (body.disclosures as { acknowledged_at?: number }[]).map((d) =>
      d.acknowledged_at === undefined ? d : { ...d, acknowledged_at: iso(d.acknowledged_at) },
    );
  }
  const json = bodyJson(body);
  let data = json;
  let atOffset: string | undefined;
  for (const key in offsets) {
    if (key === "at") atOffset = offsets.at;
    else {
      const { at: _at, ...others } = offsets;
      data = `${json.slice(0, -1)}${json === "{}" ? "" : ","}"_offsets":${canonicalJson(others)}}`;
      break;
    }
  }
  atOffset ??= offsets.at;
  const atIso = iso(at);
  return {
    type,
    id,
    at: atIso,
    at_offset: atOffset ?? null,
    customer: customer ?? null,
    data,
    content: `${type}\n${id}\n${atIso}\n${customer ?? ""}\n${json}`,
  };
}

/** Any valid time value: ±8.64e15 ms, years -271821 to 275760. */
const anyMs = fc.oneof(
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.integer({ min: -62_167_219_200_000 - 86_400_000, max: 253_402_300_799_999 + 86_400_000 }),
  fc.integer({ min: 0, max: 4_000_000 }).map((d) => (d - 2_000_000) * 86_400_000),
  fc.constantFrom(0, -1, 1, -62_167_219_200_000, 253_402_300_799_999, 951_782_400_000),
);

describe("isoUtc", () => {
  it("writes what toISOString writes", () => {
    fc.assert(
      fc.property(anyMs, (ms) => {
        expect(isoUtc(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it("throws as toISOString does for an invalid time", () => {
    for (const ms of [Number.NaN, 8.64e15 + 1, Number.POSITIVE_INFINITY]) {
      expect(() => isoUtc(ms)).toThrow(RangeError);
    }
  });

  it("truncates a fractional time value as Date does", () => {
    expect(isoUtc(1.7)).toBe(new Date(1.7).toISOString());
    expect(isoUtc(-1.7)).toBe(new Date(-1.7).toISOString());
  });
});

const fieldValue = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom(-0, Number.NaN, 1e21),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 2 }),
);

const disclosure = fc.record(
  {
    code: fc.string(),
    text: fc.string(),
    acknowledged_at: fc.integer({ min: -8.64e15, max: 8.64e15 }),
    zeta: fc.jsonValue({ maxDepth: 1 }),
  },
  { requiredKeys: ["code"] },
);

const FIELD_NAMES = [
  ...INSTANT_FIELDS,
  "price",
  "list_price",
  "cost",
  "name",
  "order",
  "invoice",
  "corrects",
  "extra",
  "zz",
  "Zeta",
  "é",
  "10",
  "9",
  "a b",
];

const fact = fc
  .record({
    type: fc.constantFrom(...FACT_TYPES),
    id: fc.string(),
    at: fc.integer({ min: -8.64e15, max: 8.64e15 }),
    customer: fc.option(fc.string(), { nil: undefined }),
    fields: fc.dictionary(fc.constantFrom(...FIELD_NAMES), fieldValue, { maxKeys: 8 }),
    instants: fc.dictionary(fc.constantFrom(...INSTANT_FIELDS), anyMs, { maxKeys: 3 }),
    disclosures: fc.option(fc.array(disclosure, { maxLength: 3 }), { nil: undefined }),
  })
  .map(({ type, id, at, customer, fields, instants, disclosures }) => {
    const f: Record<string, unknown> = { type, id, at };
    if (customer !== undefined) f.customer = customer;
    Object.assign(f, fields, instants);
    if (disclosures !== undefined) f.disclosures = disclosures;
    return f as unknown as Fact;
  });

const offsets = fc.dictionary(
  fc.constantFrom("at", "delivered", "due", "disclosures[0].acknowledged_at", "zz"),
  fc.constantFrom("Z", "+01:00", "-05:30", "+00:00"),
  { maxKeys: 3 },
);

/** The result, or the error thrown (an instant out of Date's range throws a RangeError). */
function outcome(f: () => unknown): unknown {
  try {
    return { value: f() };
  } catch (error) {
    return { error: String(error) };
  }
}

describe("encodeFact", () => {
  it("writes what the reference encoder writes, for any fact and offsets", () => {
    fc.assert(
      fc.property(fact, offsets, (f, o) => {
        expect(outcome(() => encodeFact(f, o))).toEqual(outcome(() => referenceEncode(f, o)));
      }),
      { numRuns: 5_000 },
    );
  });

  it("writes an order of the import as the reference encoder does", () => {
    const order = {
      type: "order",
      id: "c0-o1",
      customer: "c0",
      at: Date.UTC(2025, 11, 6),
      price: 21973,
      list_price: 26400,
      cost: 406,
      warranty_days: 365,
      delivered: Date.UTC(2025, 11, 13, 9),
    } as Fact;
    const offs = { delivered: "+01:00" };
    expect(encodeFact(order, offs)).toEqual(referenceEncode(order, offs));
    expect(encodeFact(order, offs).data).toBe(
      '{"cost":406,"delivered":"2025-12-13T09:00:00.000Z","list_price":26400,"price":21973,' +
        '"warranty_days":365,"_offsets":{"delivered":"+01:00"}}',
    );
  });
});
