/**
 * Response-time targets: what waits for our answer is due `first_response_hours` after it
 * arrived, counted on the organization's wall clock (see zoned-time.ts), with a countdown and
 * an overdue flag for the inbox.
 */
import { addWallClockHours } from "./zoned-time.ts";

export interface ResponseTarget {
  /** Epoch ms. */
  due: number;
  /** Minutes left until `due` (negative once overdue), rounded down. */
  remainingMinutes: number;
  overdue: boolean;
}

/**
 * @example responseTarget(Date.parse("2026-03-28T09:00Z"), 24, "Europe/Paris", now).due // 2026-03-29T08:00Z (summer time began)
 */
export function responseTarget(
  since: number,
  hours: number,
  timeZone: string,
  now: number,
): ResponseTarget {
  const due = addWallClockHours(since, hours, timeZone);
  return { due, remainingMinutes: Math.floor((due - now) / 60_000), overdue: now > due };
}

/** Whether an answer given at `answeredAt` met the target. */
export function answeredInTime(
  since: number,
  answeredAt: number,
  hours: number,
  timeZone: string,
): boolean {
  return answeredAt <= addWallClockHours(since, hours, timeZone);
}
