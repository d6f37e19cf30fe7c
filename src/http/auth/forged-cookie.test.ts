/**
 * A copy of the database must not be enough to sign in (issue 15): the probe copied the
 * SQLite file, read a session token and the signing secret from it, and forged a working
 * cookie. The secret now lives outside the database (auth-secret.ts): this test copies the
 * database (the file itself on SQLite, every row of the schema on PostgreSQL), tries every
 * string in it as the secret, and shows that no forged cookie works, while the same forgery
 * with the secret from its file does (so the forgery itself is right).
 */
import { createHmac } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Store } from "../../store/database.ts";
import { testDialects } from "../../store/test-stores.ts";
import { buildTestApp, buildUser, call, type TestApp } from "../test-app.ts";
import { SECRET_FILE_NAME } from "./auth-secret.ts";

/** better-call's signed cookie: `token.base64(HMAC-SHA256(secret, token))`, URL-encoded. */
function forgeCookie(token: string, secret: string): string {
  const signature = createHmac("sha256", secret).update(token).digest("base64");
  return `comptoir.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
}

/** Every string in a copy of the SQLite file (with its write-ahead log), and its raw bytes. */
function copySqlite(store: Store): { strings: string[]; bytes: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), "comptoir-copy-"));
  const copy = join(dir, "copy.sqlite");
  const parts: Buffer[] = [];
  for (const suffix of ["", "-wal"]) {
    if (!existsSync(store.location + suffix)) continue;
    copyFileSync(store.location + suffix, copy + suffix);
    parts.push(readFileSync(copy + suffix));
  }
  const db = new SQLite(copy);
  const tables = db.prepare("select name from sqlite_master where type = 'table'").all() as {
    name: string;
  }[];
  const strings = tables.flatMap(({ name }) =>
    (db.prepare(`select * from "${name}"`).all() as Record<string, unknown>[]).flatMap((row) =>
      Object.values(row).filter((v): v is string => typeof v === "string"),
    ),
  );
  db.close();
  return { strings, bytes: Buffer.concat(parts) };
}

/** Every string in every row of the store's PostgreSQL schema (what a dump holds). */
async function copyPostgres(store: Store): Promise<{ strings: string[]; bytes: Buffer }> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = current_schema()`.execute(
    store.db,
  );
  const strings: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table_name)}`.execute(
      store.db,
    );
    for (const row of rows.rows) {
      for (const v of Object.values(row)) if (typeof v === "string") strings.push(v);
    }
  }
  return { strings, bytes: Buffer.from(strings.join("\n")) };
}

for (const dialect of testDialects()) {
  describe(`a copy of the database forges no session cookie (${dialect})`, () => {
    let t: TestApp;
    let secretFile: string;
    beforeAll(async () => {
      vi.stubEnv("COMPTOIR_SECRET", "");
      vi.stubEnv("BETTER_AUTH_SECRET", "");
      vi.stubEnv("COMPTOIR_SECRET_FILE", "");
      // SQLite: the default place, beside the database file. PostgreSQL: a file of the test's.
      const pgSecret = join(mkdtempSync(join(tmpdir(), "comptoir-secret-")), SECRET_FILE_NAME);
      t = await buildTestApp(dialect, {
        authSecret: undefined,
        secretFile: dialect === "postgres" ? pgSecret : undefined,
      });
      secretFile =
        dialect === "postgres" ? pgSecret : join(dirname(t.store.location), SECRET_FILE_NAME);
    });
    afterAll(async () => {
      vi.unstubAllEnvs();
      await t.close();
    });

    it("keeps the signing secret in a 0600 file, and nowhere in the database", async () => {
      expect(statSync(secretFile).mode & 0o777).toBe(0o600);
      const secret = readFileSync(secretFile, "utf8").trim();
      expect(secret.length).toBeGreaterThanOrEqual(32);
      await buildUser(t.app);
      const copy = dialect === "sqlite" ? copySqlite(t.store) : await copyPostgres(t.store);
      expect(copy.strings.length).toBeGreaterThan(0);
      expect(copy.bytes.includes(Buffer.from(secret))).toBe(false);
    });

    it("refuses a cookie forged from any string of the copy, and accepts one signed with the file's secret", async () => {
      const user = await buildUser(t.app);
      const own = await call(t.app, { method: "GET", url: "/api/session", headers: user.read });
      expect(own.body.user.email).toBe(user.email);

      const copy = dialect === "sqlite" ? copySqlite(t.store) : await copyPostgres(t.store);
      const sessions = await t.store.db
        .selectFrom("session" as never)
        .select(["token" as never, "userId" as never])
        .execute();
      const token = (sessions as { token: string; userId: string }[]).find(
        (s) => s.userId === user.id,
      )?.token as string;
      // The session token is in the copy: what stops a forgery is the missing secret.
      expect(copy.strings).toContain(token);
      const candidates = [...new Set(copy.strings.filter((s) => s.length >= 8))];
      expect(candidates.length).toBeGreaterThan(10);
      for (const candidate of candidates) {
        const forged = await call(t.app, {
          method: "GET",
          url: "/api/session",
          headers: { cookie: forgeCookie(token, candidate) },
        });
        expect(forged.body.user, `secret candidate ${candidate.slice(0, 12)}…`).toBeNull();
      }

      const secret = readFileSync(secretFile, "utf8").trim();
      const signed = await call(t.app, {
        method: "GET",
        url: "/api/session",
        headers: { cookie: forgeCookie(token, secret) },
      });
      expect(signed.body.user.email).toBe(user.email);
    });
  });
}
