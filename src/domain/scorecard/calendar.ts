/** UTC calendar arithmetic on epoch-millisecond instants. */

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

/** The UTC calendar year of an instant. */
export function utcYear(at: number): number {
  return new Date(at).getUTCFullYear();
}
