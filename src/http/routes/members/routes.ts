import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  acceptInvitation,
  findInvitationBySecret,
  invitationState,
} from "../../../app/accounts/accept-invitation.ts";
import { changeMemberRole } from "../../../app/accounts/change-member-role.ts";
import { checkPasswordStrength } from "../../../app/accounts/check-password-strength.ts";
import { inviteMember } from "../../../app/accounts/invite-member.ts";
import { previewInvitation } from "../../../app/accounts/preview-invitation.ts";
import { removeMember } from "../../../app/accounts/remove-member.ts";
import { AppError } from "../../../domain/errors.ts";
import {
  findInvitation,
  listPendingInvitations,
  setInvitationStatus,
} from "../../../store/invitation-repository.ts";
import { listMembers } from "../../../store/membership-repository.ts";
import { requireSession } from "../../auth/authenticate.ts";
import { createVerifiedAccount, startSession } from "../../auth/create-account.ts";
import { invitationNotice } from "../../mailer.ts";
import { orgAccess, requirePolicy } from "../../org-access.ts";
import { presentInvitation, presentMember } from "../../presenters/present-member.ts";
import type { RouteDeps } from "../../route-deps.ts";
import {
  acceptInvitationSchema,
  changeRoleSchema,
  invitationPreviewRouteSchema,
  invitationSignUpSchema,
  inviteSchema,
  listMembersSchema,
  removeMemberSchema,
  revokeInvitationSchema,
} from "./schema.ts";

export const memberRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { store } = deps;

  app.get("/api/orgs/:org/members", { schema: listMembersSchema }, async (request) => {
    const access = await orgAccess(store, request, request.params.org);
    requirePolicy(access, access.can.seeMembers, "see the members");
    return {
      items: (await listMembers(store, access.org.id)).map(presentMember),
      invitations: (await listPendingInvitations(store, access.org.id)).map(presentInvitation),
      can: access.can,
    };
  });

  app.post("/api/orgs/:org/invitations", { schema: inviteSchema }, async (request, reply) => {
    const access = await orgAccess(store, request, request.params.org);
    const { invitation, link } = await inviteMember(
      store,
      access.org,
      { userId: access.actor.userId, name: access.actor.name, role: access.role },
      request.body,
      deps.publicUrl,
    );
    if (await deps.mail.canSend(access.org.id)) {
      // Right away, so the invitee has it now; the background loop retries a failure.
      await deps.outbox.kick();
      return reply.status(201).send({ ...presentInvitation(invitation), link: null, mailed: true });
    }
    // No mail server: the inviter passes the link on; the console shows it in demo mode.
    if (deps.demo) deps.notice(invitationNotice(invitation.email, link));
    return reply.status(201).send({ ...presentInvitation(invitation), link, mailed: false });
  });

  app.delete(
    "/api/orgs/:org/invitations/:id",
    { schema: revokeInvitationSchema },
    async (request, reply) => {
      const access = await orgAccess(store, request, request.params.org);
      requirePolicy(access, access.can.manageMembers, "manage members");
      const invitation = await findInvitation(store, access.org.id, request.params.id);
      if (invitation?.status !== "pending") {
        throw new AppError("NOT_FOUND", `id: no pending invitation ${request.params.id}`);
      }
      await setInvitationStatus(store, access.org.id, invitation.id, "revoked");
      return reply.status(204).send(null);
    },
  );

  app.patch(
    "/api/orgs/:org/members/:userId",
    { schema: changeRoleSchema },
    async (request, reply) => {
      const access = await orgAccess(store, request, request.params.org);
      await changeMemberRole(
        store,
        access.org.id,
        access.role,
        request.params.userId,
        request.body.role,
      );
      return reply.status(204).send(null);
    },
  );

  app.delete(
    "/api/orgs/:org/members/:userId",
    { schema: removeMemberSchema },
    async (request, reply) => {
      const access = await orgAccess(store, request, request.params.org);
      await removeMember(store, access.org.id, access.role, request.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.get("/api/invitations/:token", { schema: invitationPreviewRouteSchema }, async (request) =>
    previewInvitation(store, request.params.token),
  );

  app.post(
    "/api/invitations/:token/accept",
    { schema: acceptInvitationSchema },
    async (request) => {
      const actor = requireSession(request, "accept an invitation");
      return acceptInvitation(store, actor, request.params.token);
    },
  );

  app.post(
    "/api/invitations/:token/sign-up",
    { schema: invitationSignUpSchema, config: { rateLimit: { max: 10, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const { token } = request.params;
      const invitation = await findInvitationBySecret(store, token);
      if (!invitation || invitationState(invitation, Date.now()) !== "pending") {
        // The same answers as accepting: unknown, used or expired.
        return acceptInvitation(
          store,
          { userId: "", email: invitation?.email ?? "", emailVerified: true },
          token,
        );
      }
      const { name, password } = request.body;
      await checkPasswordStrength(password, [name, invitation.email]);
      const user = await createVerifiedAccount(store, deps.auth, {
        email: invitation.email,
        name,
        password,
      });
      const joined = await acceptInvitation(
        store,
        { userId: user.id, email: user.email, emailVerified: true },
        token,
      );
      await startSession(deps.auth, reply, { email: user.email, password });
      return joined;
    },
  );
};
