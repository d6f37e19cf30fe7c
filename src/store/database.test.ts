import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_CHARTER } from "../domain/charter.ts";
import { getCharter, updateCharter } from "./charter-repository.ts";
import { openStore, resolveDatabaseUrl, type Store } from "./database.ts";
import { migrations } from "./migrations/index.ts";
import { ensureOrganization, getOrganization } from "./organization-repository.ts";
import { openTestStore, tempSqlitePath, testDialects } from "./test-stores.ts";

for (const dialect of testDialects()) {
  describe(`store on ${dialect}`, () => {
    let store: Store & { url: string; schema?: string };
    afterEach(async () => {
      await store?.close();
    });

    it("applies the migrations on open and records them", async () => {
      store = await openTestStore(dialect);
      const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(store.db);
      expect(rows.rows.map((r) => r.name).sort()).toEqual(Object.keys(migrations).sort());
      expect(store.dialect).toBe(dialect);
    });

    it("opens an already migrated database again without change", async () => {
      store = await openTestStore(dialect);
      const again = await openStore(store.url, { schema: store.schema });
      const rows = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(
        again.db,
      );
      expect(Number(rows.rows[0].n)).toBe(Object.keys(migrations).length);
      await again.close();
    });

    it("refuses to start on an applied migration the code does not know", async () => {
      store = await openTestStore(dialect);
      await sql`insert into kysely_migration (name, timestamp) values ('2099-01-01T00-00-from-the-future', '2099-01-01T00:00:00.000Z')`.execute(
        store.db,
      );
      await expect(openStore(store.url, { schema: store.schema })).rejects.toMatchObject({
        code: "DATABASE_UNKNOWN_MIGRATION",
        message: expect.stringContaining("2099-01-01T00-00-from-the-future"),
      });
    });

    it("keeps each organization's charter apart", async () => {
      store = await openTestStore(dialect);
      const a = await ensureOrganization(store, "atelier-a");
      const b = await ensureOrganization(store, "atelier-b");
      await updateCharter(store, a.id, { max_discount_pct: 5 });
      expect((await getCharter(store, a.id)).max_discount_pct).toBe(5);
      expect(await getCharter(store, b.id)).toEqual(DEFAULT_CHARTER);
    });

    it("rejects a bad charter change naming the key, and changes nothing", async () => {
      store = await openTestStore(dialect);
      const org = await ensureOrganization(store, "atelier");
      await updateCharter(store, org.id, { hour_cost: 50 });
      await expect(
        updateCharter(store, org.id, { hour_cost: 60, max_discount_pct: -1, colour: 3 }),
      ).rejects.toMatchObject({
        code: "BAD_INPUT",
        message:
          "max_discount_pct: must not be negative\ncolour: unknown charter key (known: currency, hour_cost, payment_terms_days, max_discount_pct, min_margin_pct, max_revenue_share_pct, included_revisions, warranty_days, first_response_hours, zero_tolerance_severity, window_months, discount_rate_pct, deposit_pct, high_value_basis)",
      });
      expect((await getCharter(store, org.id)).hour_cost).toBe(50);
    });

    it("creates an organization once and finds it by slug", async () => {
      store = await openTestStore(dialect);
      const first = await ensureOrganization(store, "cordonnerie", { name: "Cordonnerie" });
      const second = await ensureOrganization(store, "cordonnerie", { name: "Autre" });
      expect(second.id).toBe(first.id);
      expect((await getOrganization(store, "cordonnerie")).name).toBe("Cordonnerie");
      await expect(getOrganization(store, "absent")).rejects.toMatchObject({
        code: "ORGANIZATION_NOT_FOUND",
      });
      await expect(ensureOrganization(store, "Bad Slug")).rejects.toMatchObject({
        code: "BAD_INPUT",
      });
    });
  });
}

describe.runIf(testDialects().includes("sqlite"))("SQLite file settings", () => {
  const pageSize = (path: string) => {
    const db = new SQLite(path, { readonly: true });
    try {
      return db.pragma("page_size", { simple: true });
    } finally {
      db.close();
    }
  };

  it("gives a new file 8 kB pages, and leaves an existing file's own", async () => {
    const fresh = tempSqlitePath();
    await (await openStore(fresh)).close();
    expect(pageSize(fresh)).toBe(8192);

    const older = tempSqlitePath();
    const db = new SQLite(older);
    db.pragma("page_size = 4096");
    db.exec("CREATE TABLE before_us (x)");
    db.close();
    const store = await openStore(older);
    await ensureOrganization(store, "shop");
    await store.close();
    expect(pageSize(older)).toBe(4096);
  });
});

describe("resolveDatabaseUrl", () => {
  it("prefers --db, then COMPTOIR_DB, then DATABASE_URL, then the embedded file", () => {
    expect(resolveDatabaseUrl("x.sqlite", { COMPTOIR_DB: "y", DATABASE_URL: "z" })).toBe(
      "x.sqlite",
    );
    expect(resolveDatabaseUrl(undefined, { COMPTOIR_DB: "y", DATABASE_URL: "z" })).toBe("y");
    expect(resolveDatabaseUrl(undefined, { DATABASE_URL: "z" })).toBe("z");
    expect(resolveDatabaseUrl(undefined, {})).toBe("./data/comptoir.sqlite");
  });
});
