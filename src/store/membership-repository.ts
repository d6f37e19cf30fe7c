/**
 * Who belongs to which organization, with which role. Every query takes the organization id
 * or the user id: a member of one organization never reads another's rows.
 */
import { isRole, type Role } from "../domain/policies.ts";
import type { Store } from "./database.ts";
import type { Organization } from "./organization-repository.ts";

export interface MemberRow {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: string;
}

export async function addMembership(
  store: Store,
  orgId: string,
  userId: string,
  role: Role,
): Promise<void> {
  await store.db
    .insertInto("memberships")
    .values({ org_id: orgId, user_id: userId, role, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(["org_id", "user_id"]).doUpdateSet({ role }))
    .execute();
}

/** The user's role in the organization, or undefined when they are not a member. */
export async function findRole(
  store: Store,
  orgId: string,
  userId: string,
): Promise<Role | undefined> {
  const row = await store.db
    .selectFrom("memberships")
    .select("role")
    .where("org_id", "=", orgId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row && isRole(row.role) ? row.role : undefined;
}

/** The organizations a user belongs to, by slug. */
export async function listUserOrganizations(
  store: Store,
  userId: string,
): Promise<(Organization & { role: Role })[]> {
  const rows = await store.db
    .selectFrom("memberships")
    .innerJoin("organizations", "organizations.id", "memberships.org_id")
    .selectAll("organizations")
    .select("memberships.role")
    .where("memberships.user_id", "=", userId)
    .orderBy("organizations.slug")
    .execute();
  return rows.filter((r) => isRole(r.role)) as (Organization & { role: Role })[];
}

export async function listMembers(store: Store, orgId: string): Promise<MemberRow[]> {
  const rows = await store.db
    .selectFrom("memberships")
    .innerJoin("user", "user.id", "memberships.user_id")
    .select([
      "memberships.user_id as userId",
      "user.email as email",
      "user.name as name",
      "memberships.role as role",
      "memberships.created_at as joinedAt",
    ])
    .where("memberships.org_id", "=", orgId)
    .orderBy("user.email")
    .execute();
  return rows.filter((r) => isRole(r.role)) as MemberRow[];
}

export async function countOwners(store: Store, orgId: string): Promise<number> {
  const row = await store.db
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "=", orgId)
    .where("role", "=", "owner")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateMembershipRole(
  store: Store,
  orgId: string,
  userId: string,
  role: Role,
): Promise<void> {
  await store.db
    .updateTable("memberships")
    .set({ role })
    .where("org_id", "=", orgId)
    .where("user_id", "=", userId)
    .execute();
}

export async function deleteMembership(store: Store, orgId: string, userId: string): Promise<void> {
  await store.db
    .deleteFrom("memberships")
    .where("org_id", "=", orgId)
    .where("user_id", "=", userId)
    .execute();
}

/** better-auth's user with this e-mail address (stored lower-case by better-auth). */
export async function findUserByEmail(
  store: Store,
  email: string,
): Promise<{ id: string; email: string; name: string } | undefined> {
  return store.db
    .selectFrom("user")
    .select(["id", "email", "name"])
    .where("email", "=", email.toLowerCase())
    .executeTakeFirst();
}
