/** UTC calendar arithmetic on epoch-millisecond instants. */
import { civilFromDays, daysFromCivil } from "../civil-days.ts";

export const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant, as a day number (days since 1970-01-01). */
export function utcDay(at: number): number {
  return Math.floor(at / DAY_MS);
}

/**
 * Whole calendar days (UTC) from one instant's day to another's: the time of day is ignored,
 * so a payment at 18:00 on its due date is 0 days late.
 * @example daysBetween(Date.parse("2026-01-01"), Date.parse("2026-01-31T22:00Z")) // 30
 */
export function daysBetween(from: number, to: number): number {
  return utcDay(to) - utcDay(from);
}

/**
 * Moves an instant by whole calendar months (UTC), keeping the time of day; a day that does
 * not exist in the target month becomes that month's last day (31 March - 1 month = 28 or 29
 * February).
 * @example addUtcMonths(Date.parse("2026-03-31T10:00Z"), -1) // 2026-02-28T10:00Z
 */
export function addUtcMonths(at: number, months: number): number {
  // Calendar arithmetic instead of Date objects (a pass moves some 2 million instants);
  // anything unusual (a fraction, a year outside 100 to 9999, far moves) takes the Date way.
  if (!(fastInstant(at) && Number.isInteger(months) && Math.abs(months) <= MAX_FAST_MONTHS)) {
    return addUtcMonthsByDate(at, months);
  }
  const day = Math.floor(at / DAY_MS);
  const { year, month, date } = civilFromDays(day);
  const target = month + months;
  const targetYear = year + Math.floor(target / 12);
  const targetMonth = target - Math.floor(target / 12) * 12;
  const lastDay = daysInMonth(targetYear, targetMonth);
  const moved = daysFromCivil(targetYear, targetMonth, Math.min(date, lastDay));
  return moved * DAY_MS + (at - day * DAY_MS);
}

/** The UTC calendar year of an instant. */
export function utcYear(at: number): number {
  if (!fastInstant(at)) return new Date(at).getUTCFullYear();
  return civilFromDays(Math.floor(at / DAY_MS)).year;
}

/** Date's own addUtcMonths: what the arithmetic above gives, for every instant. */
function addUtcMonthsByDate(at: number, months: number): number {
  const d = new Date(at);
  const target = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), target + 1, 0)).getUTCDate();
  return Date.UTC(
    d.getUTCFullYear(),
    target,
    Math.min(d.getUTCDate(), lastDay),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

/**
 * Years 100 to 9999: Date.UTC reads a year of 0 to 99 as 1900 to 1999, a quirk the Date way
 * keeps for those years. Moves of up to 100,000 years stay far inside Date's range.
 */
const FAST_MIN = -59_011_459_200_000; // 0100-01-01T00:00:00.000Z
const FAST_MAX = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z
const MAX_FAST_MONTHS = 1_200_000;

function fastInstant(at: number): boolean {
  return Number.isInteger(at) && at >= FAST_MIN && at <= FAST_MAX;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 1) return MONTH_DAYS[month] as number;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return leap ? 29 : 28;
}
