import { type Kysely, Migrator, sql } from "kysely";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "../database.ts";
import { insertFact, listCustomerFacts } from "../fact-repository.ts";
import { ensureOrganization } from "../organization-repository.ts";
import { freshSchemaName, TEST_PG_URL, tempSqlitePath, testDialects } from "../test-stores.ts";
import { migrations } from "./index.ts";

const BEFORE = "2026-12-01T12-00-accounts-more";

/** A store migrated up to BEFORE (facts still name their organization by its id). */
async function storeBefore(
  dialect: string,
): Promise<{ store: Store; url: string; schema?: string }> {
  const url = dialect === "sqlite" ? tempSqlitePath() : TEST_PG_URL;
  const schema = dialect === "sqlite" ? undefined : freshSchemaName();
  const store = await openStore(url, { schema, migrate: false });
  const migrator = new Migrator({
    db: store.db,
    migrationTableSchema: schema,
    provider: { getMigrations: async () => migrations },
  });
  const { error } = await migrator.migrateTo(BEFORE);
  if (error) throw error;
  return { store, url, schema };
}

type OldFact = { seq: number; org_id: string; type: string; id: string; customer: string | null };

for (const dialect of testDialects()) {
  describe(`migration 2026-12-01T14-00-fact-org-key on ${dialect}`, () => {
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

    it("keeps every fact, its seq and its organization, and numbers new facts after them", async () => {
      const { store, url, schema } = await storeBefore(dialect);
      open.push(store);
      if (schema) schemas.push(schema);
      const db = store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
      const orgs = ["org-a", "org-b", "org-empty"].map((slug, i) => ({
        id: `00000000-0000-4000-8000-00000000000${i}`,
        slug,
        name: slug,
        lang: "fr",
        time_zone: "Europe/Paris",
        created_at: `2026-01-0${i + 1}T00:00:00.000Z`,
      }));
      await db.insertInto("organizations").values(orgs).execute();
      const row = (
        seq: number,
        org: string,
        type: string,
        id: string,
        customer: string | null,
      ) => ({
        seq,
        org_id: org,
        type,
        id,
        at: "2026-02-01T00:00:00.000Z",
        at_offset: null,
        customer,
        data: type === "customer" ? '{"name":"N"}' : '{"price":100}',
        hash: `h-${seq}`,
        import_id: null,
        created_at: "2026-02-02T00:00:00.000Z",
      });
      // Same type and id in two organizations; seq numbers with a gap.
      await db
        .insertInto("facts")
        .values([
          row(1, orgs[0].id, "customer", "c1", "c1"),
          row(2, orgs[1].id, "customer", "c1", "c1"),
          row(5, orgs[0].id, "order", "o1", "c1"),
          row(9, orgs[1].id, "order", "o1", "c1"),
        ])
        .execute();
      const before = (
        await sql<OldFact>`SELECT seq, org_id, type, id, customer FROM facts ORDER BY seq`.execute(
          db,
        )
      ).rows.map((r) => ({ ...r, seq: Number(r.seq) }));
      await store.close();
      open.pop();

      const after = await openStore(url, { schema });
      open.push(after);
      const { rows } = await sql<OldFact>`SELECT f.seq, k.org_id, f.type, f.id, f.customer
        FROM facts f JOIN org_keys k ON k.key = f.org ORDER BY f.seq`.execute(after.db);
      expect(rows.map((r) => ({ ...r, seq: Number(r.seq) }))).toEqual(before);
      const keys = await after.db.selectFrom("org_keys").selectAll().orderBy("key").execute();
      expect(keys.map((k) => k.org_id)).toEqual(orgs.map((o) => o.id));

      const a = await ensureOrganization(after, "org-a");
      expect((await listCustomerFacts(after, a.id, "c1")).map((f) => f.id)).toEqual(["c1", "o1"]);
      await insertFact(after, a.id, {
        type: "order",
        id: "o2",
        at: "2026-03-01T00:00:00.000Z",
        customer: "c1",
        price: 10,
      } as never);
      const last = await sql<{ seq: number | string }>`SELECT max(seq) AS seq FROM facts`.execute(
        after.db,
      );
      expect(Number(last.rows[0].seq)).toBe(10);
      // The same id in another organization is another fact; in the same one, refused.
      await expect(
        sql`INSERT INTO facts (org, type, id, at, customer, data, hash, created_at)
          VALUES (${keys[0].key}, 'order', 'o1', 'x', 'c1', '{}', 'h', 'x')`.execute(after.db),
      ).rejects.toThrow(/unique/i);
    });

    it("gives an organization created afterwards its own key", async () => {
      const { store, url, schema } = await storeBefore(dialect);
      if (schema) schemas.push(schema);
      await store.close();
      const after = await openStore(url, { schema });
      open.push(after);
      const one = await ensureOrganization(after, "one");
      const two = await ensureOrganization(after, "two");
      const keys = await after.db.selectFrom("org_keys").selectAll().orderBy("key").execute();
      expect(keys.map((k) => k.org_id)).toEqual([one.id, two.id]);
    });
  });
}
