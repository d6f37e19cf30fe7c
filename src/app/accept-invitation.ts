/** Joins the organization of a pending, unexpired invitation sent to the user's own address. */
import { createHash } from "node:crypto";
import { AppError } from "../domain/errors.ts";
import { isRole, type Role } from "../domain/policies.ts";
import type { Store } from "../store/database.ts";
import { findInvitationByTokenHash, setInvitationStatus } from "../store/invitation-repository.ts";
import { addMembership, findRole } from "../store/membership-repository.ts";

export async function acceptInvitation(
  store: Store,
  user: { userId: string; email: string },
  secret: string,
  now: number = Date.now(),
): Promise<{ org: string; role: Role }> {
  const invitation = await findInvitationByTokenHash(
    store,
    createHash("sha256").update(secret).digest("hex"),
  );
  const invalid = (why: string) => new AppError("INVITATION_INVALID", `invitation: ${why}`);
  if (!invitation || invitation.status === "revoked") throw invalid("no such invitation");
  if (invitation.email !== user.email.toLowerCase()) {
    throw invalid("it was sent to another e-mail address: sign in with that address");
  }
  if (invitation.status === "accepted") throw invalid("already accepted");
  if (Date.parse(invitation.expires_at) < now) throw invalid("expired: ask for a new one");
  if (!isRole(invitation.role)) throw invalid("unknown role");
  const org = await store.db
    .selectFrom("organizations")
    .select("slug")
    .where("id", "=", invitation.org_id)
    .executeTakeFirstOrThrow();
  // Accepting never lowers the role of someone who is already a member.
  const current = await findRole(store, invitation.org_id, user.userId);
  if (!current) await addMembership(store, invitation.org_id, user.userId, invitation.role);
  await setInvitationStatus(store, invitation.org_id, invitation.id, "accepted");
  return { org: org.slug, role: current ?? invitation.role };
}
