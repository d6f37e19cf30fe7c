/**
 * How a fact is stored: the columns of the `facts` table, with the other fields as canonical
 * JSON (keys sorted, money in minor units, instants as ISO UTC text, unknown fields under
 * `extra`, the original offsets under `_offsets`). `content` is what identifies a fact's
 * content for idempotency: two lines with the same content are the same fact, whatever the
 * order of their keys, `12.5` or `12.50`, or the offset an instant was written with.
 */
import { civilFromDays } from "./civil-days.ts";
import { INSTANT_FIELDS } from "./fact-validation.ts";
import type { Disclosure, Fact } from "./facts.ts";

export interface EncodedFact {
  type: string;
  id: string;
  /** ISO UTC, `2026-03-01T08:00:00.000Z`. */
  at: string;
  at_offset: string | null;
  customer: string | null;
  data: string;
  /** Canonical text of the content (without offsets): hash it to compare facts. */
  content: string;
}

/** Canonical JSON: object keys sorted at every depth. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    if (obj[key] !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(obj[key])}`);
  }
  return `{${parts.join(",")}}`;
}

const DAY_MS = 86_400_000;
/** Years 0 to 9999, which toISOString writes with four digits and no sign. */
const ISO_MIN = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
const ISO_MAX = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z
/** "00" to "99". */
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

/**
 * `new Date(ms).toISOString()`, the same text, without a Date object: encoding 1.3 million
 * facts writes some 3 million instants, and toISOString costs several times more. Other
 * years (signed, six digits) and invalid times go to toISOString itself.
 * @example isoUtc(Date.UTC(2026, 2, 1, 8)) // "2026-03-01T08:00:00.000Z"
 */
export function isoUtc(ms: number): string {
  if (!(ms >= ISO_MIN && ms <= ISO_MAX && Number.isInteger(ms))) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  const t = ms - day * DAY_MS;
  const midnight = isoMidnight(day);
  if (t === 0) return midnight; // most instants are plain dates
  const h = Math.floor(t / 3_600_000);
  const mi = Math.floor((t % 3_600_000) / 60_000);
  const s = Math.floor((t % 60_000) / 1000);
  const milli = t % 1000;
  const mmm = milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : `${milli}`;
  return `${midnight.slice(0, 11)}${TWO_DIGITS[h]}:${TWO_DIGITS[mi]}:${TWO_DIGITS[s]}.${mmm}Z`;
}

/**
 * Midnight of a day, `2026-03-01T00:00:00.000Z`, remembered: an import has a few thousand
 * distinct days among millions of instants, and the rows then share one string per day.
 */
const midnights = new Map<number, string>();

function isoMidnight(day: number): string {
  let text = midnights.get(day);
  if (text === undefined) {
    if (midnights.size >= 100_000) midnights.clear(); // bounds the memory of unusual files
    text = `${civilDate(day)}T00:00:00.000Z`;
    midnights.set(day, text);
  }
  return text;
}

/** `2026-03-01` for a day number (days since 1970-01-01), years 0 to 9999. */
function civilDate(day: number): string {
  const { year, month, date } = civilFromDays(day);
  return `${TWO_DIGITS[Math.floor(year / 100)]}${TWO_DIGITS[year % 100]}-${TWO_DIGITS[month + 1]}-${TWO_DIGITS[date]}`;
}

const INSTANT_KEYS: ReadonlySet<string> = new Set(INSTANT_FIELDS);

/**
 * Canonical JSON of a fact's body: its fields but type, id, at and customer (columns of their
 * own), keys sorted, instants as ISO text, primitives inline, nested values through
 * canonicalJson. Keys are written unescaped: they are the format's field names.
 */
function bodyJson(fact: Record<string, unknown>): string {
  const keys = sortedBodyKeys(fact);
  // Appended with +=, a tree of pieces: the import flattens it when it packs the staged rows
  // (staged-rows.ts), and an array to join cost more.
  let out = "";
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const v = fact[key];
    if (v === undefined) continue;
    out += `${out === "" ? "{" : ","}"${key}":${fieldJson(key, v)}`;
  }
  return out === "" ? "{}" : `${out}}`;
}

/**
 * The keys of the last fact of each type as Object.keys gave them, and its body keys sorted:
 * the facts of a type nearly always have the same keys in the same order (those parseFact
 * writes), and checking that they do costs less than sorting them again.
 */
const keyOrders = new Map<unknown, { keys: string[]; sorted: string[] }>();

function sortedBodyKeys(fact: Record<string, unknown>): string[] {
  const keys = Object.keys(fact);
  const last = keyOrders.get(fact.type);
  if (last !== undefined && sameKeys(last.keys, keys)) return last.sorted;
  const sorted: string[] = [];
  for (const key of keys) {
    if (key === "type" || key === "id" || key === "at" || key === "customer") continue;
    // Insertion sort (the order of Array#sort): a body has a handful of keys.
    let i = sorted.length;
    while (i > 0 && sorted[i - 1] > key) {
      sorted[i] = sorted[i - 1];
      i--;
    }
    sorted[i] = key;
  }
  if (keyOrders.size >= 100) keyOrders.clear(); // facts of unknown types, from other callers
  keyOrders.set(fact.type, { keys, sorted });
  return sorted;
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function fieldJson(key: string, v: unknown): string {
  if (typeof v === "number") {
    if (INSTANT_KEYS.has(key)) return `"${isoUtc(v)}"`;
    return Number.isFinite(v) ? `${v}` : "null"; // what JSON.stringify writes, with less overhead
  }
  if (typeof v !== "object" || v === null) return JSON.stringify(v);
  if (key === "disclosures" && Array.isArray(v)) {
    return canonicalJson(
      (v as Disclosure[]).map((d) =>
        d.acknowledged_at === undefined ? d : { ...d, acknowledged_at: isoUtc(d.acknowledged_at) },
      ),
    );
  }
  return canonicalJson(v);
}

/** canonicalJson of the offsets but that of `at`, which has a column of its own. */
function offsetsJson(offsets: Record<string, string>): string {
  let out = "";
  for (const key of Object.keys(offsets).sort()) {
    if (key === "at" || offsets[key] === undefined) continue;
    out += `${out === "" ? "" : ","}${JSON.stringify(key)}:${canonicalJson(offsets[key])}`;
  }
  return `{${out}}`;
}

/**
 * @example encodeFact({ type: "chase", id: "h1", at: 0, customer: "c1" }, {}).data // "{}"
 */
export function encodeFact(fact: Fact, offsets: Record<string, string> = {}): EncodedFact {
  const { type, id, at } = fact;
  const fields = fact as unknown as Record<string, unknown>;
  const customer = type === "customer" ? id : (fields.customer as string | undefined);
  const json = bodyJson(fields);
  let data = json;
  let atOffset: string | undefined;
  for (const key in offsets) {
    if (key === "at") atOffset = offsets.at;
    else {
      data = `${json.slice(0, -1)}${json === "{}" ? "" : ","}"_offsets":${offsetsJson(offsets)}}`;
      break;
    }
  }
  atOffset ??= offsets.at;
  const atIso = isoUtc(at);
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

const INSTANTS: ReadonlySet<string> = new Set(INSTANT_FIELDS);

/**
 * Date.parse for the ISO UTC text the codec writes (`2026-03-01T08:00:00.000Z`), about twenty
 * times faster: reading 1.3 million facts parses some 3 million instants. Anything else, or a
 * field out of range, goes to Date.parse, so the result is always Date.parse's.
 * @example parseStoredInstant("2026-03-01T08:00:00.000Z") // 1772352000000
 */
export function parseStoredInstant(text: string): number {
  if (
    text.length === 24 &&
    text.charCodeAt(4) === 45 && // -
    text.charCodeAt(7) === 45 &&
    text.charCodeAt(10) === 84 && // T
    text.charCodeAt(13) === 58 && // :
    text.charCodeAt(16) === 58 &&
    text.charCodeAt(19) === 46 && // .
    text.charCodeAt(23) === 90 // Z
  ) {
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 2);
    const day = digits(text, 8, 2);
    const hour = digits(text, 11, 2);
    const minute = digits(text, 14, 2);
    const second = digits(text, 17, 2);
    const ms = digits(text, 20, 3);
    if (
      year >= 0 &&
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= 31 &&
      hour >= 0 &&
      hour <= 23 &&
      minute >= 0 &&
      minute <= 59 &&
      second >= 0 &&
      second <= 59 &&
      ms >= 0
    ) {
      return Date.UTC(year, month - 1, day, hour, minute, second, ms);
    }
  }
  return Date.parse(text);
}

/** The decimal number of `length` digits at `start`, or -1 if one is not a digit. */
function digits(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** A stored row back to the domain fact (offsets dropped: the domain works in UTC). */
export function decodeFact(row: {
  type: string;
  id: string;
  at: string;
  customer: string | null;
  data: string;
}): Fact {
  return decodeFactColumns(row.type, row.id, row.at, row.customer, row.data);
}

/**
 * decodeFact on the columns themselves: a reader of raw rows (arrays) decodes a scorecard
 * pass's 1.3 million facts without first making each row an object.
 * @example decodeFactColumns("chase", "h1", "2026-03-01T08:00:00.000Z", "c1", "{}").at // 1772352000000
 */
export function decodeFactColumns(
  type: string,
  id: string,
  at: string,
  customer: string | null,
  data: string,
): Fact {
  const body = JSON.parse(data) as Record<string, unknown>;
  const fact: Record<string, unknown> = { type, id, at: parseStoredInstant(at) };
  if (type !== "customer" && customer !== null) fact.customer = customer;
  // Copied rather than `delete body._offsets`: a deleted key leaves a slow dictionary object.
  for (const key in body) {
    if (key === "_offsets") continue;
    const value = body[key];
    fact[key] = typeof value === "string" && INSTANTS.has(key) ? parseStoredInstant(value) : value;
  }
  if (Array.isArray(fact.disclosures)) {
    for (const d of fact.disclosures as Record<string, unknown>[]) {
      if (typeof d.acknowledged_at === "string") {
        d.acknowledged_at = parseStoredInstant(d.acknowledged_at);
      }
    }
  }
  return fact as unknown as Fact;
}
