/**
 * Dates of the demo, placed relative to the day the demo is loaded. Everything is computed
 * from `today` with plain UTC arithmetic (no clock is read), so the same `today` always gives
 * the same dates.
 */

const DAY_MS = 86_400_000;

export interface DemoClock {
  /** `YYYY-MM-DD`, `offset` days from today (negative: in the past). */
  date(offset: number): string;
  /** Local Paris wall-clock time with its offset: `2026-03-01T10:15:00+01:00`. */
  dateTime(offset: number, time: string): string;
}

/**
 * @example demoClock("2026-03-10").date(-9) // "2026-03-01"
 * @example demoClock("2026-07-10").dateTime(0, "09:30") // "2026-07-10T09:30:00+02:00"
 */
export function demoClock(today: string): DemoClock {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!m) throw new Error(`today: expected YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const base = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(base) || new Date(base).toISOString().slice(0, 10) !== today) {
    throw new Error(`today: not a calendar date: ${today}`);
  }
  const date = (offset: number) => new Date(base + offset * DAY_MS).toISOString().slice(0, 10);
  return {
    date,
    dateTime(offset, time) {
      const day = date(offset);
      const [hh, mm] = time.split(":").map(Number);
      const wallAsUtc = Date.UTC(
        Number(day.slice(0, 4)),
        Number(day.slice(5, 7)) - 1,
        Number(day.slice(8, 10)),
        hh,
        mm,
      );
      return `${day}T${time}:00${parisOffset(wallAsUtc)}`;
    },
  };
}

/**
 * Europe/Paris offset for a wall-clock time (read as if it were UTC): summer time runs from
 * the last Sunday of March to the last Sunday of October, switching at 01:00 UTC. The demo
 * only uses office hours, so the ambiguous hour of the switch never comes up.
 */
export function parisOffset(wallAsUtc: number): "+01:00" | "+02:00" {
  const year = new Date(wallAsUtc).getUTCFullYear();
  const start = lastSunday(year, 2) + 2 * 3_600_000; // clocks go from 02:00 to 03:00
  const end = lastSunday(year, 9) + 3 * 3_600_000; // clocks go from 03:00 back to 02:00
  return wallAsUtc >= start && wallAsUtc < end ? "+02:00" : "+01:00";
}

function lastSunday(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  return lastDay - new Date(lastDay).getUTCDay() * DAY_MS;
}
