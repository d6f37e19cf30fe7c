/**
 * What an invitation link shows before anyone signs in: the organization, the role, the
 * invited address and whether it already has an account (sign in) or not (sign up), and what
 * became of it. Knowing the secret is the permission: it was mailed to the invitee.
 */
import { AppError } from "../../domain/errors.ts";
import { isRole, type Role } from "../../domain/policies.ts";
import type { Store } from "../../store/database.ts";
import { findUserByEmail } from "../../store/membership-repository.ts";
import {
  findInvitationBySecret,
  type InvitationState,
  invitationState,
} from "./accept-invitation.ts";

export interface InvitationPreview {
  email: string;
  role: Role;
  organization: { slug: string; name: string };
  state: InvitationState;
  expiresAt: string;
  accountExists: boolean;
}

export async function previewInvitation(
  store: Store,
  secret: string,
  now: number = Date.now(),
): Promise<InvitationPreview> {
  const invitation = await findInvitationBySecret(store, secret);
  if (!invitation || !isRole(invitation.role)) {
    throw new AppError("INVITATION_INVALID", "invitation: no such invitation");
  }
  const org = await store.db
    .selectFrom("organizations")
    .select(["slug", "name"])
    .where("id", "=", invitation.org_id)
    .executeTakeFirstOrThrow();
  return {
    email: invitation.email,
    role: invitation.role,
    organization: { slug: org.slug, name: org.name },
    state: invitationState(invitation, now),
    expiresAt: invitation.expires_at,
    accountExists: (await findUserByEmail(store, invitation.email)) !== undefined,
  };
}
