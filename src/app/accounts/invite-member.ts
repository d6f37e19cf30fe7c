/**
 * Invites someone into an organization with a role (owners only): stores the invitation with
 * the hash of a random secret, and queues the e-mail carrying the link in the same transaction.
 * The link is returned to the inviter too (shown once, when no mail server is configured).
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { AppError } from "../../domain/errors.ts";
import { canManageMembers, type Role } from "../../domain/policies.ts";
import type { Store } from "../../store/database.ts";
import type { InvitationRow } from "../../store/invitation-repository.ts";
import type { Organization } from "../../store/organization-repository.ts";

export const INVITATION_DAYS = 7;

export interface InviteInput {
  email: string;
  role: Role;
}

export interface Inviter {
  userId: string;
  name: string;
  role: Role;
}

export async function inviteMember(
  store: Store,
  org: Organization,
  actor: Inviter,
  input: InviteInput,
  publicUrl: string,
): Promise<{ invitation: InvitationRow; link: string }> {
  if (!canManageMembers(actor.role)) {
    throw new AppError("FORBIDDEN", "only an owner can invite members");
  }
  const secret = randomBytes(24).toString("base64url");
  const now = Date.now();
  const row: InvitationRow = {
    id: randomUUID(),
    org_id: org.id,
    email: input.email.trim().toLowerCase(),
    role: input.role,
    token_hash: createHash("sha256").update(secret).digest("hex"),
    status: "pending",
    invited_by: actor.userId,
    expires_at: new Date(now + INVITATION_DAYS * 86_400_000).toISOString(),
    created_at: new Date(now).toISOString(),
  };
  const link = `${publicUrl.replace(/\/$/, "")}/invitations/${secret}`;
  const fr = org.lang !== "en";
  const subject = fr
    ? `${actor.name} vous invite à rejoindre ${org.name} sur Comptoir`
    : `${actor.name} invites you to join ${org.name} on Comptoir`;
  const text = fr
    ? `Bonjour,\n\n${actor.name} vous invite à rejoindre « ${org.name} » sur Comptoir (rôle : ${input.role}).\n\nOuvrez ce lien pour accepter (valable ${INVITATION_DAYS} jours), en vous connectant ou en créant un compte avec cette adresse :\n${link}\n`
    : `Hello,\n\n${actor.name} invites you to join "${org.name}" on Comptoir (role: ${input.role}).\n\nOpen this link to accept (valid ${INVITATION_DAYS} days), signing in or creating an account with this address:\n${link}\n`;
  await store.db.transaction().execute(async (trx) => {
    await trx.insertInto("invitations").values(row).execute();
    await trx
      .insertInto("outbox")
      .values({
        org_id: org.id,
        to: row.email,
        subject,
        text,
        created_at: row.created_at,
        sent_at: null,
        last_error: null,
      })
      .execute();
  });
  return { invitation: row, link };
}
