/**
 * Facts name their organization by a small integer key (`org_keys`), not by its 36-character
 * id: a third of a large ledger's bytes were that id, in the row and in every index. Queries
 * keep taking the organization's id and compare with `orgKey(orgId)`, a constant subquery
 * that both SQLite and PostgreSQL evaluate once and use as an index bound.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "./schema.ts";

/** The organization's key as an expression: `.where("org", "=", orgKey(orgId))`. */
export function orgKey(orgId: string): RawBuilder<number> {
  return sql<number>`(SELECT key FROM org_keys WHERE org_id = ${orgId})`;
}

/**
 * The organization's key, given on first use. Every organization gets one when created
 * (ensureOrganization) and the migration gave one to each existing organization; writers of
 * facts ask again so that no fact can go in without one.
 */
export async function ensureOrgKey(db: Kysely<Database>, orgId: string): Promise<number> {
  const read = () =>
    db.selectFrom("org_keys").select("key").where("org_id", "=", orgId).executeTakeFirst();
  const found = await read();
  if (found) return Number(found.key);
  await db
    .insertInto("org_keys")
    .values({ org_id: orgId })
    .onConflict((oc) => oc.column("org_id").doNothing())
    .execute();
  return Number((await read())?.key);
}
