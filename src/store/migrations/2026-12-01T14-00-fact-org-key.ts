import { type Kysely, sql } from "kysely";
import { autoIncrementPrimaryKey, autoIncrementType, dialectOf } from "../dialect.ts";

// Each fact named its organization by the organization's 36-character id, in the row and in
// every index of `facts`: more than a third of a large ledger's bytes, read and written by
// every import and every scorecard pass. From here on a fact carries a small integer key
// (`org_keys` maps it to the organization), and the index on (org_id, type, at), used only to
// find recent feedback, becomes a partial index of the feedback facts. `facts` is rebuilt with
// its rows and seq numbers as they were (facts are never deleted: new ones go on after the
// highest). Never edit after it shipped.
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await rebuild(db, true); // Kysely runs PostgreSQL migrations in a transaction.
    return;
  }
  // On SQLite, Kysely runs migrations statement by statement: a kill during the copy would
  // leave half a migration behind. One transaction makes it all or nothing; and if a run
  // committed but was killed before Kysely recorded it, the next run finds it done.
  const { rows } = await sql<{ one: number }>`
    SELECT 1 AS one FROM pragma_table_info('facts') WHERE name = 'org'`.execute(db);
  if (rows.length > 0) return;
  await sql`BEGIN IMMEDIATE`.execute(db);
  try {
    await rebuild(db, false);
    await sql`COMMIT`.execute(db);
  } catch (error) {
    await sql`ROLLBACK`.execute(db);
    throw error;
  }
}

async function rebuild(db: Kysely<unknown>, postgres: boolean): Promise<void> {
  await db.schema
    .createTable("org_keys")
    .addColumn("key", autoIncrementType(db), (c) => autoIncrementPrimaryKey(db, c))
    .addColumn("org_id", "text", (c) => c.notNull().unique().references("organizations.id"))
    .execute();
  await sql`INSERT INTO org_keys (org_id)
    SELECT id FROM organizations ORDER BY created_at, id`.execute(db);

  await db.schema
    .createTable("facts_next")
    .addColumn("seq", autoIncrementType(db), (c) => autoIncrementPrimaryKey(db, c))
    .addColumn("org", "bigint", (c) => c.notNull().references("org_keys.key"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("at_offset", "text")
    .addColumn("customer", "text")
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addColumn("import_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("facts_org_key_type_id", ["org", "type", "id"])
    .execute();
  await sql`INSERT INTO facts_next
      (seq, org, type, id, at, at_offset, customer, data, hash, import_id, created_at)
    SELECT f.seq, k.key, f.type, f.id, f.at, f.at_offset, f.customer, f.data, f.hash,
      f.import_id, f.created_at
    FROM facts f JOIN org_keys k ON k.org_id = f.org_id ORDER BY f.seq`.execute(db);
  const { rows: counts } = await sql<{ old: number | string; copied: number | string }>`
    SELECT (SELECT count(*) FROM facts) AS old, (SELECT count(*) FROM facts_next) AS copied`.execute(
    db,
  );
  const lost = Number(counts[0]?.old ?? 0) - Number(counts[0]?.copied ?? 0);
  if (lost !== 0) {
    throw new Error(
      `${lost} facts name an organization that does not exist (facts.org_id): nothing was changed; remove them or restore their organization, then start again`,
    );
  }
  if (postgres) {
    // The copy gave seq explicitly: the new sequence goes on after the highest one.
    await sql`SELECT setval(pg_get_serial_sequence('facts_next', 'seq'), coalesce(max(seq), 0) + 1,
      false) FROM facts_next`.execute(db);
  }
  await db.schema.dropTable("facts").execute();
  await db.schema.alterTable("facts_next").renameTo("facts").execute();
  if (postgres) {
    // The names the table's own sequence and key would have had, had it been created as facts.
    await sql`ALTER SEQUENCE facts_next_seq_seq RENAME TO facts_seq_seq`.execute(db);
    await sql`ALTER INDEX facts_next_pkey RENAME TO facts_pkey`.execute(db);
  }
  await db.schema
    .createIndex("facts_org_customer_at")
    .on("facts")
    .columns(["org", "customer", "at"])
    .execute();
  await db.schema.createIndex("facts_org_seq").on("facts").columns(["org", "seq"]).execute();
  await db.schema
    .createIndex("facts_org_feedback_at")
    .on("facts")
    .columns(["org", "at"])
    .where(sql.ref("type"), "=", "feedback")
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("2026-12-01T14-00-fact-org-key cannot be undone: restore a backup instead");
}
