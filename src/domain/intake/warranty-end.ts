/**
 * Warranty end: `warranty_days` after delivery (spec: after `delivered`, or the order's `at`
 * when it was never marked delivered), at the same time of day.
 */
const DAY = 86_400_000;

/** @example warrantyEnd(Date.parse("2026-03-01T10:00Z"), 30) // 2026-03-31T10:00Z */
export function warrantyEnd(deliveredOrAt: number, warrantyDays: number): number {
  return deliveredOrAt + warrantyDays * DAY;
}

/** Whether a return made at `at` is still within the warranty (the last instant included). */
export function withinWarranty(at: number, end: number): boolean {
  return at <= end;
}
