/** Invitations to join an organization; the secret sent by e-mail is stored hashed. */
import type { Store } from "./database.ts";
import type { InvitationTable } from "./schema.ts";

export type InvitationRow = InvitationTable;

export async function insertInvitation(store: Store, row: InvitationRow): Promise<void> {
  await store.db.insertInto("invitations").values(row).execute();
}

export async function listPendingInvitations(
  store: Store,
  orgId: string,
): Promise<InvitationRow[]> {
  return store.db
    .selectFrom("invitations")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("status", "=", "pending")
    .orderBy("created_at")
    .execute();
}

export async function findInvitation(
  store: Store,
  orgId: string,
  id: string,
): Promise<InvitationRow | undefined> {
  return store.db
    .selectFrom("invitations")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Looked up by the hash of the secret alone: the secret is what identifies the invitation. */
export async function findInvitationByTokenHash(
  store: Store,
  tokenHash: string,
): Promise<InvitationRow | undefined> {
  return store.db
    .selectFrom("invitations")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
}

export async function setInvitationStatus(
  store: Store,
  orgId: string,
  id: string,
  status: "accepted" | "revoked",
): Promise<void> {
  await store.db
    .updateTable("invitations")
    .set({ status })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .execute();
}
