/**
 * Joins the organization of a pending, unexpired invitation sent to the user's own address,
 * once that address is verified: an account opened with someone else's address (never
 * confirmed) cannot take their invitation.
 */
import { createHash } from "node:crypto";
import { AppError } from "../../domain/errors.ts";
import { isRole, type Role } from "../../domain/policies.ts";
import type { Store } from "../../store/database.ts";
import {
  findInvitationByTokenHash,
  type InvitationRow,
  setInvitationStatus,
} from "../../store/invitation-repository.ts";
import { addMembership, findRole } from "../../store/membership-repository.ts";

export type InvitationState = "pending" | "accepted" | "revoked" | "expired";

/** What became of an invitation at `now`: a pending one past `expires_at` has expired. */
export function invitationState(row: InvitationRow, now: number): InvitationState {
  if (row.status === "accepted" || row.status === "revoked") return row.status;
  return Date.parse(row.expires_at) < now ? "expired" : "pending";
}

/** The invitation whose link carries `secret` (only its hash is stored). */
export function findInvitationBySecret(
  store: Store,
  secret: string,
): Promise<InvitationRow | undefined> {
  return findInvitationByTokenHash(store, createHash("sha256").update(secret).digest("hex"));
}

export async function acceptInvitation(
  store: Store,
  user: { userId: string; email: string; emailVerified: boolean },
  secret: string,
  now: number = Date.now(),
): Promise<{ org: string; role: Role }> {
  const invitation = await findInvitationBySecret(store, secret);
  const invalid = (why: string) => new AppError("INVITATION_INVALID", `invitation: ${why}`);
  const state = invitation && invitationState(invitation, now);
  if (!invitation || state === "revoked") throw invalid("no such invitation");
  if (invitation.email !== user.email.toLowerCase()) {
    throw invalid("it was sent to another e-mail address: sign in with that address");
  }
  if (!user.emailVerified) {
    throw new AppError(
      "EMAIL_NOT_VERIFIED",
      "email: confirm your address with the link mailed at sign-up (or reset your password) before joining",
    );
  }
  if (state === "accepted") {
    throw new AppError("INVITATION_EXPIRED", "invitation: already used");
  }
  if (state === "expired") {
    throw new AppError("INVITATION_EXPIRED", "invitation: expired, ask for a new one");
  }
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
