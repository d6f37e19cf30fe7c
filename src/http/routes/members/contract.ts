/**
 * Members and invitations.
 * The API contract of these routes: one zod schema per input and output, and
 * the inferred types; the web app imports the types. Conventions in src/http/contract.ts.
 */
import { z } from "zod";
import { orgParamsSchema, policiesSchema, roleSchema } from "../../contract.ts";

export const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  joinedAt: z.string(),
});
export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  status: z.enum(["pending", "accepted", "revoked"]),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export const membersResponseSchema = z.object({
  items: z.array(memberSchema),
  invitations: z.array(invitationSchema),
  can: policiesSchema,
});
export type Member = z.infer<typeof memberSchema>;
export type Invitation = z.infer<typeof invitationSchema>;
export type MembersResponse = z.infer<typeof membersResponseSchema>;
export const inviteBodySchema = z.object({ email: z.email().max(254), role: roleSchema });
export type InviteBody = z.infer<typeof inviteBodySchema>;
export const memberParamsSchema = orgParamsSchema.extend({ userId: z.string().min(1).max(100) });
export const invitationParamsSchema = orgParamsSchema.extend({ id: z.string().min(1).max(100) });
export const changeRoleBodySchema = z.object({ role: roleSchema });
/** POST /api/invitations/:token/accept (signed in with the invited email). */
export const acceptInvitationParamsSchema = z.object({ token: z.string().min(10).max(200) });
export const acceptInvitationResponseSchema = z.object({ org: z.string(), role: roleSchema });
/** Creating the invited address's account from the link (the address is the invitation's). */
export const invitationSignUpBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  password: z.string().min(8).max(128),
});
/** POST /api/orgs/:org/invitations: `link` only when no mail server is configured (shown once). */
export const invitationCreatedSchema = invitationSchema.extend({
  link: z.string().nullable(),
  mailed: z.boolean(),
});
export type InvitationCreated = z.infer<typeof invitationCreatedSchema>;
/** GET /api/invitations/:token, anonymous: what the invitation page shows. */
export const invitationPreviewSchema = z.object({
  email: z.string(),
  role: roleSchema,
  organization: z.object({ slug: z.string(), name: z.string() }),
  state: z.enum(["pending", "accepted", "revoked", "expired"]),
  expiresAt: z.string(),
  /** The invited address has an account: sign in; otherwise sign up. */
  accountExists: z.boolean(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;
