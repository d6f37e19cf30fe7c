/**
 * Field parsers of the import format (spec section 1): instants, money, whole numbers, text.
 * Each returns `{ value }` or `{ reason }`; the reason is the exact text users read after
 * `line N: <field>: `.
 */
import { toMinor } from "./money.ts";

export type Parsed<T> = { value: T; reason?: undefined } | { reason: string; value?: undefined };

const ok = <T>(value: T): Parsed<T> => ({ value });
const bad = (reason: string): Parsed<never> => ({ reason });

/** An instant and the offset it was written with (`Z`, `+02:00`; undefined for a plain date). */
export interface Instant {
  ms: number;
  offset?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

export const INSTANT_FORMAT =
  "must be a date (2026-03-01) or a date-time with an offset (2026-03-01T09:30:00+01:00)";

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function utcMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  if (y >= 100) return Date.UTC(y, mo - 1, d, h, mi, s, ms);
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms));
  date.setUTCFullYear(y, mo - 1, d);
  return date.getTime();
}

/**
 * `2026-03-01` (midnight UTC) or `2026-03-01T09:30:00+01:00` / `...Z`. A date-time without
 * an offset is refused: its instant would depend on the importer's time zone.
 * @example parseInstant("2026-03-01T10:00:00+02:00") // { value: { ms: Date.UTC(2026, 2, 1, 8), offset: "+02:00" } }
 */
export function parseInstant(input: unknown): Parsed<Instant> {
  if (typeof input === "string") {
    const common = commonInstant(input);
    if (common !== undefined) return ok(common);
  }
  return parseInstantGeneral(input);
}

/**
 * The shapes nearly every line uses, read without regular expressions (an import reads
 * millions of instants): `2026-03-01`, `2026-03-01T09:30:00Z`, `2026-03-01T09:30:00+01:00`.
 * Undefined for anything else, or a field out of range: parseInstantGeneral then decides,
 * and gives the error message, so the result is always that of parseInstantGeneral.
 */
export function commonInstant(text: string): Instant | undefined {
  const n = text.length;
  if (n !== 10 && n !== 20 && n !== 25) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined; // -
  const y = digitsAt(text, 0, 4);
  const mo = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || day < 1 || day > daysInMonth(y, mo)) return undefined;
  if (n === 10) return { ms: utcMs(y, mo, day) };
  if (
    text.charCodeAt(10) !== 84 || // T
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58
  ) {
    return undefined;
  }
  const h = digitsAt(text, 11, 2);
  const mi = digitsAt(text, 14, 2);
  const s = digitsAt(text, 17, 2);
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return undefined;
  const zone = text.charCodeAt(19);
  if (n === 20) {
    return zone === 90 ? { ms: utcMs(y, mo, day, h, mi, s, 0), offset: "Z" } : undefined; // Z
  }
  if ((zone !== 43 && zone !== 45) || text.charCodeAt(22) !== 58) return undefined; // + - :
  const oh = digitsAt(text, 20, 2);
  const om = digitsAt(text, 23, 2);
  if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
  // The same arithmetic as parseInstantGeneral, so that even -00:00 gives the same number.
  const shift = (zone === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
  return { ms: utcMs(y, mo, day, h, mi, s, 0) - shift, offset: text.slice(19) };
}

/** The number written with `length` ASCII digits at `start`, or -1 if one is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** parseInstant for any input, with every error message; parseInstant tries commonInstant first. */
export function parseInstantGeneral(input: unknown): Parsed<Instant> {
  if (typeof input !== "string") return bad(INSTANT_FORMAT);
  const text = input.trim();
  const d = DATE.exec(text);
  if (d) {
    const [y, mo, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    if (mo < 1 || mo > 12 || day < 1 || day > daysInMonth(y, mo)) {
      return bad(`not a real date: "${text}"`);
    }
    return ok({ ms: utcMs(y, mo, day) });
  }
  const m = DATE_TIME.exec(text);
  if (!m) return bad(INSTANT_FORMAT);
  const [y, mo, day, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (mo < 1 || mo > 12 || day < 1 || day > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) {
    return bad(`not a real date-time: "${text}"`);
  }
  if (m[8] === undefined && m[9] === undefined) {
    return bad(`date-time without an offset: add Z or an offset such as +02:00 ("${text}")`);
  }
  let offset = "Z";
  let shift = 0;
  if (m[9] !== undefined) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return bad(`not a valid offset: "${text}"`);
    offset = `${m[9]}${m[10]}:${m[11]}`;
    shift = (m[9] === "-" ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  return ok({ ms: utcMs(y, mo, day, h, mi, s, ms) - shift, offset });
}

/**
 * Reads a decimal number from a JSON number or from text. Strict: `1234.5`. Lenient (CSV from
 * spreadsheets): also `1 234,50`, `12,5`, `1.234,50`, with spaces, no-break or narrow no-break
 * spaces as thousands separators. Returns the plain decimal text, or undefined.
 */
export function decimalText(input: unknown, lenient: boolean): string | undefined {
  if (typeof input === "number") return Number.isFinite(input) ? String(input) : undefined;
  if (typeof input !== "string") return undefined;
  let text = input.trim();
  if (lenient) {
    text = text.replace(/(?<=\d)[ \u00a0\u202f'](?=\d{3}(?:\D|$))/g, "");
    const comma = text.lastIndexOf(",");
    const dot = text.lastIndexOf(".");
    if (comma >= 0 && dot >= 0) {
      // The last separator is the decimal one; the other separates thousands.
      text = comma > dot ? text.replace(/\./g, "").replace(",", ".") : text.replace(/,/g, "");
    } else if (comma >= 0) {
      text = text.replace(",", ".");
    }
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return undefined;
  return text.startsWith(".") ? `0${text}` : text;
}

/** A non-negative amount in the charter currency, as integer minor units. */
export function parseMoney(input: unknown, digits: number, lenient: boolean): Parsed<number> {
  if (typeof input === "number") {
    const minor = numberMinor(input, digits);
    if (minor !== undefined) return ok(minor);
  }
  return parseMoneyGeneral(input, digits, lenient);
}

/**
 * The minor units of a JSON number such as `89` or `16.68`, read from its digits without the
 * regular expressions of decimalText and toMinor (an import reads millions of amounts).
 * Undefined for anything else (negative, too many decimals, exponent form, too large):
 * parseMoneyGeneral then decides, and gives the error message.
 */
export function numberMinor(input: number, digits: number): number | undefined {
  if (!(Number.isInteger(digits) && digits >= 0 && digits <= 15) || !(input >= 0)) {
    return undefined;
  }
  const scale = 10 ** digits;
  if (Number.isSafeInteger(input)) {
    // Exact while the product is a safe integer; otherwise the general path refuses it.
    const minor = input * scale;
    return Number.isSafeInteger(minor) ? minor + 0 : undefined; // + 0: no -0
  }
  // The digits String() writes, which are those decimalText gives toMinor.
  const text = String(input);
  const dot = text.indexOf(".");
  if (dot < 0) return undefined;
  let end = text.length;
  while (end > dot + 1 && text.charCodeAt(end - 1) === 48) end--; // trailing zeros
  const decimals = end - dot - 1;
  if (decimals > digits) return undefined;
  let minor = 0;
  for (let i = 0; i < end; i++) {
    if (i === dot) continue;
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return undefined; // e.g. 1e-7
    minor = minor * 10 + d;
  }
  minor *= 10 ** (digits - decimals);
  return Number.isSafeInteger(minor) ? minor : undefined;
}

/** parseMoney for any input, with every error message; parseMoney tries numberMinor first. */
export function parseMoneyGeneral(
  input: unknown,
  digits: number,
  lenient: boolean,
): Parsed<number> {
  const text = decimalText(input, lenient);
  if (text === undefined) return bad("must be a number");
  const minor = toMinor(text.replace(/\.$/, ""), digits);
  if (minor === undefined) {
    return bad(digits === 0 ? "must be a whole amount" : `must have at most ${digits} decimals`);
  }
  if (minor < 0) return bad("must not be negative");
  return ok(minor === 0 ? 0 : minor); // no -0
}

/** A whole number within [min, max]. */
export function parseWhole(
  input: unknown,
  lenient: boolean,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): Parsed<number> {
  let n: number;
  if (typeof input === "number" && Number.isSafeInteger(input)) {
    n = input + 0; // as Number(String(-0)) reads it: 0, not -0
  } else {
    const text = decimalText(input, lenient);
    if (text === undefined) return bad("must be a number");
    n = Number(text);
    if (!Number.isSafeInteger(n)) return bad("must be a whole number");
  }
  if (n < min || n > max) {
    if (max === Number.MAX_SAFE_INTEGER) {
      return bad(min === 0 ? "must not be negative" : `must be at least ${min}`);
    }
    return bad(`must be a whole number from ${min} to ${max}`);
  }
  return ok(n);
}

/** A string; `nonEmpty` refuses blank text (ids, names, references). */
export function parseText(input: unknown, nonEmpty: boolean): Parsed<string> {
  if (typeof input !== "string") return bad("must be a string");
  // A visible ASCII first character (as in nearly every id) is not blank: no trim() needed.
  const first = input.charCodeAt(0);
  if (nonEmpty && !(first > 32 && first < 127) && input.trim() === "") {
    return bad("must not be empty");
  }
  return ok(input);
}

/** One of a fixed list of words. */
export function parseChoice<T extends string>(input: unknown, choices: readonly T[]): Parsed<T> {
  if (typeof input === "string" && (choices as readonly string[]).includes(input)) {
    return ok(input as T);
  }
  return bad(`must be one of ${choices.join(", ")}`);
}

const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/;

/**
 * A date as French spreadsheets write it (CSV imported in French, issue 18): `01/03/2026`
 * is the plain date 2026-03-01; `01/03/2026 09:30` is that wall-clock time in `timeZone`
 * (the organization's), kept with the offset it had there then (`+01:00`).
 * @example parseFrenchInstant("01/07/2026 09:30", "Europe/Paris") // { value: { ms: Date.UTC(2026, 6, 1, 7, 30), offset: "+02:00" } }
 */
export function parseFrenchInstant(input: unknown, timeZone: string): Parsed<Instant> {
  const m = typeof input === "string" ? FRENCH_DATE.exec(input.trim()) : null;
  if (!m) return bad(INSTANT_FORMAT);
  const [day, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || day < 1 || day > daysInMonth(y, mo)) {
    return bad(`not a real date: "${input}"`);
  }
  if (m[4] === undefined) return ok({ ms: utcMs(y, mo, day) });
  const [h, mi, s] = [Number(m[4]), Number(m[5]), m[6] === undefined ? 0 : Number(m[6])];
  if (h > 23 || mi > 59 || s > 59) return bad(`not a real date-time: "${input}"`);
  const wall = utcMs(y, mo, day, h, mi, s);
  let shift = zoneOffsetMinutes(wall, timeZone);
  const second = zoneOffsetMinutes(wall - shift * 60_000, timeZone);
  if (second !== shift) shift = second;
  const abs = Math.abs(shift);
  const offset = `${shift < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return ok({ ms: wall - shift * 60_000, offset });
}

const ZONE_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** Minutes `timeZone` is ahead of UTC at the instant `ms`. */
function zoneOffsetMinutes(ms: number, timeZone: string): number {
  let format = ZONE_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    ZONE_FORMATS.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(ms)) parts[p.type] = Number(p.value);
  const wall = utcMs(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}
