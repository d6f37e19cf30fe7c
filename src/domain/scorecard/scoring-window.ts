import { addUtcMonths } from "./calendar.ts";

/** The scoring window: instants after `start` and on or before `end` (the as-of instant). */
export interface ScoringWindow {
  /** Excluded: a fact dated exactly here is outside the window. */
  start: number;
  /** Included: the as-of instant. */
  end: number;
  months: number;
}

/**
 * The window of `months` calendar months (UTC) ending at `asOf`.
 * @example scoringWindow(Date.parse("2026-03-01T23:59:59.999Z"), 12).start // 2025-03-01T23:59:59.999Z
 */
export function scoringWindow(asOf: number, months: number): ScoringWindow {
  return { start: addUtcMonths(asOf, -months), end: asOf, months };
}

export function inWindow(window: ScoringWindow, at: number): boolean {
  return at > window.start && at <= window.end;
}
