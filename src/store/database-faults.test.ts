import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-faults.ts";

const withCode = (code: string) => Object.assign(new Error("x"), { code });

describe("isDatabaseUnavailable", () => {
  it("knows PostgreSQL's ended and refused connections, by code and by the driver's words", () => {
    for (const code of ["57P01", "57P03", "08006", "ECONNREFUSED", "ECONNRESET", "53300"])
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
  });

  it("knows a SQLite file locked too long or that cannot be written", () => {
    for (const code of ["SQLITE_BUSY", "SQLITE_READONLY", "SQLITE_IOERR_WRITE", "SQLITE_FULL"])
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
  });

  it("looks through wrappers: the cause chain and an AggregateError's errors", () => {
    expect(isDatabaseUnavailable(new Error("query failed", { cause: withCode("57P01") }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new AggregateError([withCode("ECONNREFUSED")], "x"))).toBe(true);
  });

  it("leaves bugs and bad queries alone: they stay 500s and are logged", () => {
    for (const code of ["42P01", "23505", "SQLITE_CONSTRAINT", "SQLITE_ERROR"])
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable("a string")).toBe(false);
    const loop: Error & { cause?: unknown } = new Error("loop");
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });
});
