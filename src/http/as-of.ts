import { AppError } from "../domain/errors.ts";

/**
 * The `asOf` query parameter: a date means the end of that day (UTC), like the CLI's --as-of;
 * absent means the end of today, so that scorecards stay cached all day until facts change.
 */
export function parseAsOfParam(value: string | undefined, now: number = Date.now()): number {
  const day = value ?? new Date(now).toISOString().slice(0, 10);
  if (/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    const ms = Date.parse(`${day}T23:59:59.999Z`);
    if (!Number.isNaN(ms) && new Date(ms).toISOString().startsWith(day)) return ms;
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(day)) {
    const ms = Date.parse(day);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new AppError(
    "BAD_INPUT",
    `asOf: "${value}" is not a date (2026-03-01) or a date-time with offset`,
  );
}
