/**
 * A stored fact back to the line it came from (spec section 1), for `comptoir export`: amounts
 * as decimal numbers, instants written with their original offset, defaults and corrections as
 * stored, unknown fields at the top level again. Importing the line gives the same fact (same
 * content, same hash), which is what makes an export a faithful copy of the ledger.
 */
import { isoUtc, parseStoredInstant } from "./fact-codec.ts";
import { FACT_FIELDS, INSTANT_FIELDS } from "./fact-validation.ts";
import { FACT_TYPES, type FactType } from "./facts.ts";
import { fromMinor } from "./money.ts";

/** A row of `facts` as the export reads it. */
export interface StoredFactRow {
  type: string;
  id: string;
  /** ISO UTC. */
  at: string;
  at_offset: string | null;
  customer: string | null;
  /** Canonical JSON of the other fields (fact-codec.ts). */
  data: string;
}

const DAY_MS = 86_400_000;
const INSTANTS: ReadonlySet<string> = new Set(INSTANT_FIELDS);
const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

interface TypeLayout {
  /** The type's fields in the spec's order, then `corrects` (without type, id, at, customer). */
  ordered: readonly string[];
  money: ReadonlySet<string>;
  /** Keys that are not unknown fields: columns of their own, or the codec's. */
  notUnknown: ReadonlySet<string>;
}

const layouts = new Map<string, TypeLayout>();

/** What exportFact needs to know of a type, computed once per type. */
function layoutOf(type: string): TypeLayout {
  let layout = layouts.get(type);
  if (layout === undefined) {
    const fields = Object.hasOwn(FACT_FIELDS, type) ? FACT_FIELDS[type as FactType] : {};
    const known = Object.keys(fields);
    const ordered = [...known.filter((k) => k !== "customer"), "corrects"];
    // A customer line's `customer` field is unknown (kept under extra); other types have a column.
    const notUnknown = new Set([...ordered, "extra", "_offsets", "type", "id", "at"]);
    if (type !== "customer") notUnknown.add("customer");
    layout = {
      ordered,
      money: new Set(known.filter((k) => fields[k]?.kind === "money")),
      notUnknown,
    };
    if (layouts.size >= 100) layouts.clear(); // types from elsewhere than an import
    layouts.set(type, layout);
  }
  return layout;
}

/** The fields of a type, in the spec's order (empty for a type this version does not know). */
export function knownFields(type: string): string[] {
  const fields = Object.hasOwn(FACT_FIELDS, type) ? FACT_FIELDS[type as FactType] : undefined;
  return fields ? Object.keys(fields) : [];
}

/** The money fields of a type: written as decimal numbers, with a decimal comma in French CSV. */
export function moneyFields(type: string): ReadonlySet<string> {
  return layoutOf(type).money;
}

/**
 * An instant as the import reads it back: with the offset it was written with
 * (`2026-03-01T10:00:00+02:00`), a plain date when it was one (no offset, midnight UTC), else
 * UTC with `Z` (facts recorded in the app carry no offset). Milliseconds only when not zero.
 * @example formatInstant(Date.UTC(2026, 2, 1, 8), "+02:00") // "2026-03-01T10:00:00+02:00"
 */
export function formatInstant(ms: number, offset: string | null | undefined): string {
  if (offset === undefined || offset === null) {
    const iso = isoUtc(ms);
    if (((ms % DAY_MS) + DAY_MS) % DAY_MS === 0) return iso.slice(0, 10);
    return `${trimMillis(iso.slice(0, 23))}Z`;
  }
  const m = OFFSET.exec(offset);
  if (!m) return `${trimMillis(isoUtc(ms).slice(0, 23))}Z`; // "Z" (or an offset never written)
  const shift = (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  return `${trimMillis(isoUtc(ms + shift).slice(0, 23))}${offset}`;
}

/** `2026-03-01T08:00:00.000` → `2026-03-01T08:00:00`; other milliseconds are kept. */
function trimMillis(local: string): string {
  return local.endsWith(".000") ? local.slice(0, 19) : local;
}

/** Sets `key` on `out`; a field named `__proto__` stays a field, not the prototype. */
function put(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(out, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else out[key] = value;
}

/**
 * The import line of a stored fact: type, id, at, customer, the type's fields in the spec's
 * order, `corrects`, any other stored field, then the unknown fields kept under `extra`.
 * `digits`: decimals of the charter currency (2 for EUR).
 * @example exportFact({ type: "order", id: "o1", at: "2026-03-01T00:00:00.000Z", at_offset: null,
 *   customer: "c1", data: '{"cost":0,"list_price":8900,"price":8900}' }, 2)
 *   // { type: "order", id: "o1", at: "2026-03-01", customer: "c1", price: 89, list_price: 89, cost: 0 }
 */
export function exportFact(row: StoredFactRow, digits: number): Record<string, unknown> {
  const body = JSON.parse(row.data) as Record<string, unknown>;
  const offsets = body._offsets as Record<string, string> | undefined;
  const { ordered, money, notUnknown } = layoutOf(row.type);
  const out: Record<string, unknown> = {
    type: row.type,
    id: row.id,
    at: formatInstant(parseStoredInstant(row.at), row.at_offset),
  };
  if (row.type !== "customer" && row.customer !== null) out.customer = row.customer;
  const value = (key: string, v: unknown): unknown => {
    if (typeof v === "number") return money.has(key) ? fromMinor(v, digits) : v;
    if (typeof v === "string") {
      return INSTANTS.has(key) ? formatInstant(parseStoredInstant(v), offsets?.[key]) : v;
    }
    if (key === "disclosures" && Array.isArray(v)) return exportDisclosures(v, offsets ?? {});
    return v;
  };
  for (let i = 0; i < ordered.length; i++) {
    const key = ordered[i] as string;
    const v = body[key];
    if (v !== undefined && Object.hasOwn(body, key)) out[key] = value(key, v);
  }
  for (const key in body) {
    if (!notUnknown.has(key) && Object.hasOwn(body, key)) put(out, key, value(key, body[key]));
  }
  const extra = body.extra;
  if (extra !== null && typeof extra === "object" && !Array.isArray(extra)) {
    for (const key of Object.keys(extra)) {
      // A stored field wins over an unknown one of the same name (the import never makes both).
      if (!Object.hasOwn(out, key)) put(out, key, (extra as Record<string, unknown>)[key]);
    }
  }
  return out;
}

function exportDisclosures(list: unknown[], offsets: Record<string, string>): unknown[] {
  return list.map((item, i) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
    const { code, text, acknowledged_at, ...rest } = item as Record<string, unknown>;
    const out: Record<string, unknown> = { code, text };
    if (typeof acknowledged_at === "string") {
      out.acknowledged_at = formatInstant(
        parseStoredInstant(acknowledged_at),
        offsets[`disclosures[${i}].acknowledged_at`],
      );
    }
    for (const key of Object.keys(rest)) put(out, key, rest[key]);
    return out;
  });
}

/**
 * The unknown fields of a stored fact (those that become extra CSV columns): its stored
 * fields the type does not define, and those kept under `extra`.
 */
export function unknownFieldNames(row: StoredFactRow): string[] {
  const body = JSON.parse(row.data) as Record<string, unknown>;
  const { notUnknown } = layoutOf(row.type);
  const names = Object.keys(body).filter((key) => !notUnknown.has(key));
  const extra = body.extra;
  if (extra !== null && typeof extra === "object" && !Array.isArray(extra)) {
    for (const key of Object.keys(extra)) if (!notUnknown.has(key)) names.push(key);
  }
  return names;
}

/**
 * The CSV columns of a type: type, id, at, customer (but for customers), its fields in the
 * spec's order, `corrects`, then `unknown` (sorted).
 */
export function exportColumns(type: string, unknown: Iterable<string>): string[] {
  const head = ["type", "id", "at", ...(type === "customer" ? [] : ["customer"])];
  const fields = knownFields(type).filter((key) => key !== "customer");
  const columns = [...head, ...fields, "corrects"];
  const taken = new Set(columns);
  const rest = [...new Set(unknown)].filter((key) => !taken.has(key)).sort();
  return [...columns, ...rest];
}

/**
 * The types named by `--type customer,orders` (singular or plural, any case), in the order
 * given, or the first name that is no type. Unknown types are refused, not skipped: a typo
 * would otherwise export less than asked without a word.
 * @example parseTypeList("orders, customer") // { types: ["order", "customer"] }
 */
export function parseTypeList(text: string): { types: FactType[] } | { unknown: string } {
  const types: FactType[] = [];
  for (const word of text.split(",")) {
    const name = word.trim().toLowerCase();
    if (name === "") continue;
    const type = FACT_TYPES.find((t) => name === t || name === `${t}s`);
    if (!type) return { unknown: word.trim() };
    if (!types.includes(type)) types.push(type);
  }
  return { types };
}

/** The CSV file of a type, named as the import recognizes it: `customers.csv`, `time.csv`... */
export function csvFileName(type: string): string {
  if (!(FACT_TYPES as readonly string[]).includes(type) || type === "time" || type === "feedback") {
    return `${type.replace(/[^\w-]/g, "_")}.csv`;
  }
  return `${type}s.csv`;
}
