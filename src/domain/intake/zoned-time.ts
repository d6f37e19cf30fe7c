/**
 * Wall-clock arithmetic in an organization's time zone, with Intl only (no library): a
 * target "24 hours after" a Saturday 10:00 in Paris is Sunday 10:00 in Paris, even across the
 * change to summer time, because people count hours on the clock on the wall.
 */

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at an instant. */
export function wallClock(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
    ms: ((instant % 1000) + 1000) % 1000,
  };
}

function asUtc(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
}

/** Offset of the zone from UTC at an instant, in ms (Paris in winter: +3,600,000). */
export function zoneOffset(instant: number, timeZone: string): number {
  return asUtc(wallClock(instant, timeZone)) - instant;
}

/**
 * The instant when the wall clock of `timeZone` shows `w`. A time skipped by a change to
 * summer time moves forward by the gap (02:30 → 03:30); a repeated one takes the first.
 */
export function fromWallClock(w: WallClock, timeZone: string): number {
  const local = asUtc(w);
  const before = local - zoneOffset(local - 86_400_000, timeZone);
  const after = local - zoneOffset(local + 86_400_000, timeZone);
  // Try both offsets around the date; keep one whose wall clock matches.
  for (const candidate of before <= after ? [before, after] : [after, before]) {
    if (asUtc(wallClock(candidate, timeZone)) === local) return candidate;
  }
  return Math.max(before, after);
}

/** `hours` later on the wall clock of `timeZone` (whole and fractional hours). */
export function addWallClockHours(instant: number, hours: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const shifted = new Date(asUtc(w) + hours * 3_600_000);
  return fromWallClock(
    {
      year: shifted.getUTCFullYear(),
      month: shifted.getUTCMonth() + 1,
      day: shifted.getUTCDate(),
      hour: shifted.getUTCHours(),
      minute: shifted.getUTCMinutes(),
      second: shifted.getUTCSeconds(),
      ms: shifted.getUTCMilliseconds(),
    },
    timeZone,
  );
}

/** `2026-03-29 10:00` on the organization's clock, for messages and the receipt. */
export function formatWallClock(instant: number, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}`;
}
