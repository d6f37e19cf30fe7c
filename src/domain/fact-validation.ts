/**
 * Validation of one import line (spec section 1) into a domain `Fact`: instants to epoch ms,
 * amounts to integer minor units, defaults filled in, unknown fields kept under `extra`.
 * References (customer, order, invoice) are only checked for shape here; whether they exist
 * is the importer's job, against the whole import and the store.
 */

import {
  INSTANT_FORMAT,
  type Instant,
  type Parsed,
  parseChoice,
  parseFrenchInstant,
  parseInstant,
  parseMoney,
  parseText,
  parseWhole,
} from "./fact-fields.ts";
import {
  FACT_TYPES,
  FAULTS,
  type Fact,
  type FactType,
  FEEDBACK_SOURCES,
  REMEDIES,
  RETURN_KINDS,
  TIME_ACTIVITIES,
} from "./facts.ts";

export interface FactFieldError {
  field: string;
  reason: string;
}

export interface ParseOptions {
  /** Decimals of the charter currency's minor unit (2 for EUR). */
  currencyDigits: number;
  /** CSV cells: `1 234,50`, `12,5`, no-break spaces as thousands separators. */
  lenientNumbers?: boolean;
  /**
   * CSV imported in French: `jj/mm/aaaa` dates are read too, and `jj/mm/aaaa hh:mm` in this
   * time zone (the organization's). Tried only when the ISO forms fail.
   */
  frenchDatesZone?: string;
}

export type ParseResult =
  | {
      ok: true;
      fact: Fact;
      /** Offsets the instants were written with (`at: "+02:00"`); absent for plain dates. */
      offsets: Record<string, string>;
    }
  | { ok: false; errors: FactFieldError[] };

type Kind =
  | "text"
  | "ref"
  | "money"
  | "instant"
  | "disclosures"
  | { whole: [number, number?] }
  | { oneOf: readonly string[] };

interface FieldSpec {
  kind: Kind;
  required?: boolean;
  /** Money that may be negative: a payment's amount, negative for a refund (docs/payments.md). */
  signed?: boolean;
}

const REF: FieldSpec = { kind: "ref", required: true };
const OPT_REF: FieldSpec = { kind: "ref" };
const TEXT: FieldSpec = { kind: "text" };
const INSTANT: FieldSpec = { kind: "instant" };

/**
 * Any fact may correct an earlier fact of its type (`corrects: "<id>"`, see corrections.ts):
 * the ledger is append-only, a correction is a new fact that names what it corrects.
 */
const CORRECTS: FieldSpec = { kind: "ref" };

/** The fields of each type besides type, id and at; anything else goes to `extra`. */
export const FACT_FIELDS: Record<FactType, Record<string, FieldSpec>> = {
  customer: {
    name: { kind: "text", required: true },
    kind: { kind: { oneOf: ["person", "business"] } },
    email: TEXT,
    phone: TEXT,
    status: { kind: { oneOf: ["prospect", "active"] } },
    lang: TEXT,
  },
  order: {
    customer: REF,
    price: { kind: "money", required: true },
    list_price: { kind: "money" },
    cost: { kind: "money" },
    service: TEXT,
    description: TEXT,
    included_revisions: { kind: { whole: [0] } },
    warranty_days: { kind: { whole: [0] } },
    due: INSTANT,
    delivered: INSTANT,
    disclosures: { kind: "disclosures" },
  },
  time: {
    customer: REF,
    minutes: { kind: { whole: [0] }, required: true },
    activity: { kind: { oneOf: TIME_ACTIVITIES }, required: true },
    order: OPT_REF,
    staff: TEXT,
  },
  revision: { customer: REF, order: REF, text: TEXT },
  chase: { customer: REF, order: OPT_REF, text: TEXT },
  invoice: {
    customer: REF,
    amount: { kind: "money", required: true },
    due: { kind: "instant", required: true },
    order: OPT_REF,
  },
  // A refund is a payment with a negative amount (docs/payments.md).
  payment: {
    customer: REF,
    invoice: REF,
    amount: { kind: "money", required: true, signed: true },
  },
  credit_note: {
    customer: REF,
    invoice: REF,
    amount: { kind: "money", required: true },
    reason: TEXT,
  },
  reminder: { customer: REF, invoice: REF, level: { kind: { whole: [1, 3] }, required: true } },
  return: {
    customer: REF,
    order: REF,
    kind: { kind: { oneOf: RETURN_KINDS }, required: true },
    warranty_end: INSTANT,
    reason: TEXT,
  },
  complaint: {
    customer: REF,
    order: OPT_REF,
    text: TEXT,
    first_response: INSTANT,
    resolved: INSTANT,
    fault: { kind: { oneOf: FAULTS } },
    remedy: { kind: { oneOf: REMEDIES } },
    remedy_amount: { kind: "money" },
  },
  incident: {
    customer: REF,
    severity: { kind: { whole: [1, 3] }, required: true },
    staff: TEXT,
    text: TEXT,
  },
  feedback: {
    source: { kind: { oneOf: FEEDBACK_SOURCES }, required: true },
    customer: OPT_REF,
    score: { kind: { whole: [0, 10] } },
    text: TEXT,
    lang: TEXT,
  },
};

/** Fields whose value is an instant, for encoding and decoding stored facts. */
export const INSTANT_FIELDS = ["due", "delivered", "warranty_end", "first_response", "resolved"];

/** The required fields of each type, in FACT_FIELDS order (the order of the errors). */
const REQUIRED = Object.fromEntries(
  FACT_TYPES.map((type) => [
    type,
    Object.keys(FACT_FIELDS[type]).filter((key) => FACT_FIELDS[type][key].required),
  ]),
) as Record<FactType, string[]>;

const TYPES: ReadonlySet<string> = new Set(FACT_TYPES);

/** An empty value (`null`, or an empty CSV cell already dropped) counts as absent. */
const absent = (v: unknown) => v === undefined || v === null;

/**
 * Validates one line.
 * @example parseFact({ type: "customer", id: "c-1", at: "2026-03-01", name: "Ana" }, { currencyDigits: 2 })
 *   // { ok: true, fact: { type: "customer", id: "c-1", at: 1772323200000, name: "Ana", status: "active" }, offsets: {} }
 */
export function parseFact(raw: Record<string, unknown>, opts: ParseOptions): ParseResult {
  const errors: FactFieldError[] = [];
  const offsets: Record<string, string> = {};
  const lenient = opts.lenientNumbers === true;

  const type = raw.type;
  let fields: Record<string, FieldSpec> | undefined;
  if (absent(type) || type === "") errors.push({ field: "type", reason: "required" });
  else if (typeof type !== "string" || !TYPES.has(type)) {
    errors.push({
      field: "type",
      reason: `unknown type ${JSON.stringify(type)}`,
    });
  } else fields = FACT_FIELDS[type as FactType];

  const out: Record<string, unknown> = { type };
  if (absent(raw.id)) errors.push({ field: "id", reason: "required" });
  else {
    const id = parseText(raw.id, true);
    if (id.reason) errors.push({ field: "id", reason: id.reason });
    else out.id = id.value;
  }
  if (absent(raw.at)) errors.push({ field: "at", reason: "required" });
  else {
    const at = readInstant(raw.at, opts.frenchDatesZone);
    if (at.reason !== undefined) errors.push({ field: "at", reason: at.reason });
    else keepInstant(out, offsets, "at", at.value);
  }
  if (!fields) return { ok: false, errors };

  let extra: Record<string, unknown> | undefined;
  // Object.keys, not Object.entries: no [key, value] pair to allocate per field.
  const keys = Object.keys(raw);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === "type" || key === "id" || key === "at") continue;
    const value = raw[key];
    // Own keys only: a field named `constructor` or `__proto__` is an unknown field, kept
    // under `extra`, not a member of Object.prototype.
    const spec = Object.hasOwn(fields, key)
      ? fields[key]
      : key === "corrects"
        ? CORRECTS
        : undefined;
    if (!spec) {
      if (!absent(value)) {
        extra ??= {};
        // Defined, not assigned: assigning `__proto__` would replace the prototype.
        Object.defineProperty(extra, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      continue;
    }
    if (absent(value)) continue;
    const parsed = spec.signed
      ? parseSignedMoney(value, opts.currencyDigits, lenient)
      : parseField(spec.kind, value, opts.currencyDigits, lenient, opts.frenchDatesZone);
    if (parsed.reason !== undefined) {
      errors.push(...(parsed.nested ?? [{ field: key, reason: parsed.reason }]));
    } else if (spec.kind === "instant") keepInstant(out, offsets, key, parsed.value as Instant);
    else {
      out[key] = parsed.value;
      if (parsed.offsets) Object.assign(offsets, parsed.offsets);
    }
  }
  for (const key of REQUIRED[type as FactType]) {
    if (absent(raw[key])) errors.push({ field: key, reason: "required" });
  }
  if (out.corrects !== undefined && out.corrects === out.id) {
    errors.push({ field: "corrects", reason: "a fact cannot correct itself" });
  }
  if (errors.length > 0) return { ok: false, errors };

  applyDefaults(out);
  if (extra) out.extra = extra;
  return { ok: true, fact: out as unknown as Fact, offsets };
}

function keepInstant(
  out: Record<string, unknown>,
  offsets: Record<string, string>,
  key: string,
  instant: Instant,
): void {
  out[key] = instant.ms;
  if (instant.offset !== undefined) offsets[key] = instant.offset;
}

function applyDefaults(out: Record<string, unknown>): void {
  if (out.type === "customer" && out.status === undefined) out.status = "active";
  if (out.type === "order") {
    if (out.list_price === undefined) out.list_price = out.price;
    if (out.cost === undefined) out.cost = 0;
  }
}

/** `offsets`: the offsets of instants nested in the value, keyed by their path. */
type FieldResult = Parsed<unknown> & {
  nested?: FactFieldError[];
  offsets?: Record<string, string>;
};

/** An ISO instant, else (French CSV) a `jj/mm/aaaa` one; the ISO error when neither. */
function readInstant(value: unknown, frenchZone: string | undefined): Parsed<Instant> {
  const iso = parseInstant(value);
  if (iso.reason === undefined || frenchZone === undefined) return iso;
  const french = parseFrenchInstant(value, frenchZone);
  return french.reason === undefined || french.reason !== INSTANT_FORMAT ? french : iso;
}

function parseField(
  kind: Kind,
  value: unknown,
  digits: number,
  lenient: boolean,
  frenchZone?: string,
): FieldResult {
  switch (kind) {
    case "text":
      return parseText(value, false);
    case "ref":
      return parseText(value, true);
    case "money":
      return parseMoney(value, digits, lenient);
    case "instant":
      return readInstant(value, frenchZone);
    case "disclosures":
      return parseDisclosures(value);
    default:
      if ("whole" in kind) return parseWhole(value, lenient, kind.whole[0], kind.whole[1]);
      return parseChoice(value, kind.oneOf);
  }
}

/** An amount that may be negative (a refund): `-12.50`, or `-12,50` in a French CSV. */
function parseSignedMoney(value: unknown, digits: number, lenient: boolean): FieldResult {
  const negative =
    (typeof value === "number" && value < 0) ||
    (typeof value === "string" && value.trim().startsWith("-"));
  if (!negative) return parseMoney(value, digits, lenient);
  const positive = typeof value === "number" ? -value : (value as string).trim().slice(1);
  const parsed = parseMoney(positive, digits, lenient);
  return parsed.reason === undefined && typeof parsed.value === "number"
    ? { ...parsed, value: parsed.value === 0 ? 0 : -parsed.value }
    : parsed;
}

/** `[{code, text, acknowledged_at}]`, given as an array or (CSV) as JSON text. */
function parseDisclosures(value: unknown): FieldResult {
  let list = value;
  if (typeof value === "string") {
    try {
      list = JSON.parse(value);
    } catch {
      return { reason: "must be a JSON array of {code, text, acknowledged_at}" };
    }
  }
  if (!Array.isArray(list)) return { reason: "must be an array of {code, text, acknowledged_at}" };
  const nested: FactFieldError[] = [];
  const offsets: Record<string, string> = {};
  const disclosures = list.map((item: unknown, i) => {
    const at = `disclosures[${i}]`;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      nested.push({ field: at, reason: "must be an object {code, text, acknowledged_at}" });
      return undefined;
    }
    const { code, text, acknowledged_at, ...rest } = item as Record<string, unknown>;
    const out: Record<string, unknown> = { ...rest };
    for (const [name, v] of [
      ["code", code],
      ["text", text],
    ] as const) {
      if (absent(v)) nested.push({ field: `${at}.${name}`, reason: "required" });
      else {
        const t = parseText(v, name === "code");
        if (t.reason) nested.push({ field: `${at}.${name}`, reason: t.reason });
        else out[name] = t.value;
      }
    }
    if (!absent(acknowledged_at)) {
      const ack = parseInstant(acknowledged_at);
      if (ack.reason !== undefined)
        nested.push({ field: `${at}.acknowledged_at`, reason: ack.reason });
      else {
        out.acknowledged_at = ack.value.ms;
        if (ack.value.offset !== undefined) offsets[`${at}.acknowledged_at`] = ack.value.offset;
      }
    }
    return out;
  });
  if (nested.length > 0) return { reason: nested[0].reason, nested };
  return Object.keys(offsets).length > 0 ? { value: disclosures, offsets } : { value: disclosures };
}
