import { type Kysely, Migrator } from "kysely";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "../database.ts";
import { freshSchemaName, TEST_PG_URL, tempSqlitePath, testDialects } from "../test-stores.ts";
import { migrations } from "./index.ts";

const BEFORE = "2026-12-01T14-00-fact-org-key";
const DAY_MS = 24 * 60 * 60 * 1000;

async function migrator(store: Store, schema?: string) {
  return new Migrator({
    db: store.db,
    migrationTableSchema: schema,
    provider: { getMigrations: async () => migrations },
  });
}

for (const dialect of testDialects()) {
  describe(`migrations 2026-12-06T11-00-token-scope and 11-10-forget-auth-secret on ${dialect}`, () => {
    const open: Store[] = [];
    const schemas: string[] = [];
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close();
      if (schemas.length === 0) return;
      const client = new pg.Client({ connectionString: TEST_PG_URL });
      await client.connect();
      for (const s of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
      await client.end();
    });

    it("scopes an old token to its user's only organization and drops those it cannot scope", async () => {
      const schema = dialect === "sqlite" ? undefined : freshSchemaName();
      if (schema) schemas.push(schema);
      const url = dialect === "sqlite" ? tempSqlitePath() : TEST_PG_URL;
      const store = await openStore(url, { schema, migrate: false });
      open.push(store);
      const m = await migrator(store, schema);
      const before = await m.migrateTo(BEFORE);
      if (before.error) throw before.error;
      const db = store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
      const org = (id: string) => ({
        id,
        slug: id,
        name: id,
        lang: "fr",
        time_zone: "Europe/Paris",
        created_at: "2026-01-01T00:00:00.000Z",
      });
      await db
        .insertInto("organizations")
        .values([org("o1"), org("o2")])
        .execute();
      const member = (org_id: string, user_id: string, role: string) => ({
        org_id,
        user_id,
        role,
        created_at: "2026-01-02T00:00:00.000Z",
      });
      await db
        .insertInto("memberships")
        .values([
          member("o1", "one", "manager"),
          member("o1", "two", "owner"),
          member("o2", "two", "staff"),
        ])
        .execute();
      const token = (id: string, user_id: string) => ({
        id,
        user_id,
        name: id,
        prefix: "cpt_abcd",
        token_hash: `hash-${id}`,
        created_at: "2026-01-03T00:00:00.000Z",
        last_used_at: null,
      });
      await db
        .insertInto("api_tokens")
        .values([token("t-one", "one"), token("t-two", "two"), token("t-none", "nobody")])
        .execute();
      await db.insertInto("settings").values({ key: "auth_secret", value: "old-secret" }).execute();
      await db.insertInto("settings").values({ key: "demo_password", value: "kept" }).execute();

      const started = Date.now();
      const latest = await m.migrateToLatest();
      if (latest.error) throw latest.error;

      const rows = await db.selectFrom("api_tokens").selectAll().execute();
      expect(rows.map((r) => r.id)).toEqual(["t-one"]);
      expect(rows[0]).toMatchObject({ org_id: "o1", role: "manager", token_hash: "hash-t-one" });
      const expires = Date.parse(rows[0]?.expires_at as string);
      expect(expires - started).toBeGreaterThanOrEqual(90 * DAY_MS - 1000);
      expect(expires - started).toBeLessThan(90 * DAY_MS + 60_000);
      const settings = await db.selectFrom("settings").select("key").execute();
      expect(settings.map((s) => s.key)).toEqual(["demo_password"]);
    });
  });
}
