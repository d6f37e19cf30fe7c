/**
 * Whether an error means "the database is not there right now" (a PostgreSQL server that
 * restarts, refuses connections or ended ours; a SQLite file that stays locked or cannot be
 * written) rather than a bug: the API answers those 503 DATABASE_UNAVAILABLE and service resumes
 * by itself when the database is back (issue 15). Errors are matched by their codes, along the
 * `cause` chain (Kysely and better-auth wrap the driver's error), and by the few messages of
 * the pg driver that carry no code.
 */

/** Node's socket errors and PostgreSQL's SQLSTATE codes for a connection that failed or ended. */
const UNAVAILABLE_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  // Class 08, connection exception.
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  // Class 57, operator intervention: admin_shutdown, crash_shutdown, cannot_connect_now.
  "57P01",
  "57P02",
  "57P03",
  // Class 53: too_many_connections.
  "53300",
  // better-sqlite3's codes for a file that stays locked past busy_timeout or cannot be written.
  "SQLITE_BUSY",
  "SQLITE_BUSY_SNAPSHOT",
  "SQLITE_BUSY_RECOVERY",
  "SQLITE_LOCKED",
  "SQLITE_READONLY",
  "SQLITE_READONLY_DBMOVED",
  "SQLITE_READONLY_DIRECTORY",
  "SQLITE_CANTOPEN",
  "SQLITE_IOERR",
  "SQLITE_FULL",
]);

/** The pg driver and pool's own failures, which come without a code. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error and is not queryable/,
  /^Cannot use a pool after calling end on the pool/,
];

/**
 * @example isDatabaseUnavailable(Object.assign(new Error("x"), { code: "57P01" })) // true
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e = error; e && typeof e === "object" && !seen.has(e); e = (e as Error).cause) {
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (
      typeof code === "string" &&
      (UNAVAILABLE_CODES.has(code) || code.startsWith("SQLITE_IOERR"))
    )
      return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.some((m) => m.test(message)))
      return true;
    // AggregateError (a connection tried on IPv4 and IPv6) carries its failures in `errors`.
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}
