import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { AppError } from "../domain/errors.ts";
import type { Store } from "./database.ts";
import { ensureOrgKey, orgKey } from "./org-key.ts";
import type { Database, OrganizationTable } from "./schema.ts";

export type Organization = OrganizationTable;

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export async function findOrganization(
  store: Store,
  slug: string,
): Promise<Organization | undefined> {
  return store.db
    .selectFrom("organizations")
    .selectAll()
    .where("slug", "=", slug)
    .executeTakeFirst();
}

/** The organization with this slug, or a typed error naming it. */
export async function getOrganization(store: Store, slug: string): Promise<Organization> {
  const org = await findOrganization(store, slug);
  if (!org) {
    throw new AppError(
      "ORGANIZATION_NOT_FOUND",
      `org: no organization "${slug}" (create it by importing into it, or run "comptoir demo")`,
    );
  }
  return org;
}

/** Returns the organization, creating it when missing (import and demo create their target). */
export async function ensureOrganization(
  store: Store,
  slug: string,
  init: Partial<Pick<Organization, "name" | "lang" | "time_zone">> = {},
): Promise<Organization> {
  if (!SLUG_PATTERN.test(slug)) {
    throw new AppError("BAD_INPUT", `org: "${slug}" must be lower-case letters, digits and dashes`);
  }
  const org =
    (await findOrganization(store, slug)) ?? (await createOrganization(store, slug, init));
  await ensureOrgKey(store.db, org.id); // one lookup when it has one, as it should
  return org;
}

async function createOrganization(
  store: Store,
  slug: string,
  init: Partial<Pick<Organization, "name" | "lang" | "time_zone">>,
): Promise<Organization> {
  const org: Organization = {
    id: randomUUID(),
    slug,
    name: init.name ?? slug,
    lang: init.lang ?? "fr",
    time_zone: init.time_zone ?? "Europe/Paris",
    created_at: new Date().toISOString(),
  };
  await store.db
    .insertInto("organizations")
    .values(org)
    .onConflict((oc) => oc.column("slug").doNothing())
    .execute();
  return (await findOrganization(store, slug)) as Organization;
}

/**
 * Inserts a new organization and its key with `db`, a transaction's: the import that creates
 * its organization does so inside its own transaction (no empty organization if it fails).
 */
export async function insertOrganization(
  db: Kysely<Database>,
  init: { id: string; slug: string },
): Promise<void> {
  if (!SLUG_PATTERN.test(init.slug)) {
    throw new AppError(
      "BAD_INPUT",
      `org: "${init.slug}" must be lower-case letters, digits and dashes`,
    );
  }
  await db
    .insertInto("organizations")
    .values({
      id: init.id,
      slug: init.slug,
      name: init.slug,
      lang: "fr",
      time_zone: "Europe/Paris",
      created_at: new Date().toISOString(),
    })
    .execute();
  await ensureOrgKey(db, init.id);
}

export async function listOrganizations(store: Store): Promise<Organization[]> {
  return store.db.selectFrom("organizations").selectAll().orderBy("slug").execute();
}

/** How many facts the organization has (0 for a new one). */
export async function countFacts(store: Store, orgId: string): Promise<number> {
  const row = await store.db
    .selectFrom("facts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org", "=", orgKey(orgId))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
