/**
 * The organization's identity (migration 2026-12-06T10-00-identity): versions appended, never
 * updated, the latest one current; logos kept once per content. Every query takes the
 * organization's id.
 */
import type { Kysely } from "kysely";
import type { OrganizationIdentity } from "../domain/organization-identity.ts";
import type { Database } from "./schema.ts";

export interface IdentityVersionTable {
  org_id: string;
  version: number | string;
  /** JSON of OrganizationIdentity. */
  data: string;
  logo_id: string | null;
  saved_by: string;
  saved_at: string;
}

export interface LogoTable {
  org_id: string;
  id: string;
  content_type: string;
  width: number;
  height: number;
  size: number;
  /** Base64 of the downscaled image. */
  data: string;
  created_at: string;
}

type Tables = { organization_identities: IdentityVersionTable; organization_logos: LogoTable };
type Db = Kysely<Database & Tables>;
const typed = (db: Kysely<Database>): Db => db.withTables<Tables>();

export interface IdentityVersion {
  version: number;
  identity: OrganizationIdentity;
  logoId: string | null;
  savedBy: string;
  savedAt: string;
}

export interface Logo {
  id: string;
  contentType: "image/png" | "image/jpeg";
  width: number;
  height: number;
  data: Buffer;
}

/**
 * The identity in force at `asOf` (default: now, the latest), or undefined before the first save.
 * @example await findIdentity(store.db, org.id) // { version: 3, identity: {...}, logoId: "9f2c..." }
 */
export async function findIdentity(
  db: Kysely<Database>,
  orgId: string,
  asOf?: string,
): Promise<IdentityVersion | undefined> {
  let query = typed(db)
    .selectFrom("organization_identities")
    .selectAll()
    .where("org_id", "=", orgId);
  if (asOf !== undefined) query = query.where("saved_at", "<=", asOf);
  const row = await query.orderBy("version", "desc").limit(1).executeTakeFirst();
  if (!row) return undefined;
  return {
    version: Number(row.version),
    identity: JSON.parse(row.data) as OrganizationIdentity,
    logoId: row.logo_id,
    savedBy: row.saved_by,
    savedAt: row.saved_at,
  };
}

/** Appends a version after the latest (in the caller's transaction when one is given). */
export async function appendIdentity(
  db: Kysely<Database>,
  orgId: string,
  next: { identity: OrganizationIdentity; logoId: string | null; savedBy: string },
): Promise<IdentityVersion> {
  const t = typed(db);
  const last = await t
    .selectFrom("organization_identities")
    .select((eb) => eb.fn.max("version").as("v"))
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const savedAt = new Date().toISOString();
  await t
    .insertInto("organization_identities")
    .values({
      org_id: orgId,
      version,
      data: JSON.stringify(next.identity),
      logo_id: next.logoId,
      saved_by: next.savedBy,
      saved_at: savedAt,
    })
    .execute();
  return { version, ...next, savedAt };
}

/** Keeps a logo (once per content: the same id again is a no-op). */
export async function insertLogo(db: Kysely<Database>, orgId: string, logo: Logo): Promise<void> {
  await typed(db)
    .insertInto("organization_logos")
    .values({
      org_id: orgId,
      id: logo.id,
      content_type: logo.contentType,
      width: logo.width,
      height: logo.height,
      size: logo.data.length,
      data: logo.data.toString("base64"),
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.columns(["org_id", "id"]).doNothing())
    .execute();
}

export async function readLogo(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<Logo | undefined> {
  const row = await typed(db)
    .selectFrom("organization_logos")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    contentType: row.content_type as Logo["contentType"],
    width: Number(row.width),
    height: Number(row.height),
    data: Buffer.from(row.data, "base64"),
  };
}
