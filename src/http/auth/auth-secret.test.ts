import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultSecretFile, resolveAuthSecret, SECRET_FILE_NAME } from "./auth-secret.ts";

const dir = () => mkdtempSync(join(tmpdir(), "comptoir-secret-"));
const sqliteAt = (folder: string) => ({
  dialect: "sqlite" as const,
  location: join(folder, "comptoir.sqlite"),
});
const LONG = "x".repeat(40);

describe("resolveAuthSecret", () => {
  it("creates a 0600 file beside the SQLite file on first start, and reads it on the next", () => {
    const folder = dir();
    const first = resolveAuthSecret(sqliteAt(folder), { env: {} });
    const file = join(folder, SECRET_FILE_NAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(resolveAuthSecret(sqliteAt(folder), { env: {} })).toBe(first);
  });

  it("takes COMPTOIR_SECRET, then BETTER_AUTH_SECRET, before any file", () => {
    const folder = dir();
    expect(resolveAuthSecret(sqliteAt(folder), { env: { COMPTOIR_SECRET: LONG } })).toBe(LONG);
    expect(resolveAuthSecret(sqliteAt(folder), { env: { BETTER_AUTH_SECRET: `${LONG}b` } })).toBe(
      `${LONG}b`,
    );
    expect(() => statSync(join(folder, SECRET_FILE_NAME))).toThrow();
  });

  it("takes COMPTOIR_SECRET_FILE as the file's place", () => {
    const file = join(dir(), "elsewhere", "secret");
    const secret = resolveAuthSecret(sqliteAt(dir()), { env: { COMPTOIR_SECRET_FILE: file } });
    expect(readFileSync(file, "utf8").trim()).toBe(secret);
  });

  it("refuses a short secret, naming where it came from", () => {
    expect(() => resolveAuthSecret(sqliteAt(dir()), { env: { COMPTOIR_SECRET: "short" } })).toThrow(
      "COMPTOIR_SECRET: at least 32 characters are needed (it has 5)",
    );
  });

  it("refuses a secret file others can read, saying how to fix it", () => {
    const folder = dir();
    const file = join(folder, SECRET_FILE_NAME);
    writeFileSync(file, LONG);
    chmodSync(file, 0o644);
    expect(() => resolveAuthSecret(sqliteAt(folder), { env: {} })).toThrow(
      `${file}: the session secret is readable by others (mode 644); run chmod 600 ${file}`,
    );
  });

  it("puts PostgreSQL's file under ./data, and keeps an in-memory database's in memory", () => {
    expect(defaultSecretFile({ dialect: "postgres", location: "db:5432/x" })).toBe(
      resolve("data", SECRET_FILE_NAME),
    );
    const memory = { dialect: "sqlite" as const, location: ":memory:" };
    expect(defaultSecretFile(memory)).toBeNull();
    expect(resolveAuthSecret(memory, { env: {} })).not.toBe(resolveAuthSecret(memory, { env: {} }));
  });
});
