import { z } from "zod";
import { errorSchema, orgParamsSchema } from "../../contract.ts";
import {
  acceptInvitationParamsSchema,
  acceptInvitationResponseSchema,
  changeRoleBodySchema,
  invitationCreatedSchema,
  invitationParamsSchema,
  invitationPreviewSchema,
  invitationSignUpBodySchema,
  inviteBodySchema,
  memberParamsSchema,
  membersResponseSchema,
} from "./contract.ts";

const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  410: errorSchema,
};

export const listMembersSchema = {
  summary: "Members and pending invitations (managers and owners)",
  tags: ["members"],
  params: orgParamsSchema,
  response: { 200: membersResponseSchema, ...errors },
};
export const inviteSchema = {
  summary: "Invites someone by e-mail with a role (owners)",
  tags: ["members"],
  params: orgParamsSchema,
  body: inviteBodySchema,
  response: { 201: invitationCreatedSchema, ...errors },
};
export const revokeInvitationSchema = {
  summary: "Revokes a pending invitation (owners)",
  tags: ["members"],
  params: invitationParamsSchema,
  response: { 204: z.null(), ...errors },
};
export const changeRoleSchema = {
  summary: "Changes a member's role (owners); the last owner stays owner",
  tags: ["members"],
  params: memberParamsSchema,
  body: changeRoleBodySchema,
  response: { 204: z.null(), ...errors },
};
export const removeMemberSchema = {
  summary: "Removes a member (owners); the last owner stays",
  tags: ["members"],
  params: memberParamsSchema,
  response: { 204: z.null(), ...errors },
};
export const invitationPreviewRouteSchema = {
  summary: "What an invitation link is for (anyone holding it): organization, role, state",
  tags: ["members"],
  params: acceptInvitationParamsSchema,
  response: { 200: invitationPreviewSchema, 404: errorSchema },
};
export const acceptInvitationSchema = {
  summary:
    "Accepts an invitation, signed in with the invited e-mail address (410 when used or expired)",
  tags: ["members"],
  params: acceptInvitationParamsSchema,
  response: { 200: acceptInvitationResponseSchema, ...errors },
};

export const invitationSignUpSchema = {
  summary:
    "Creates the invited address's account (verified: the link reached it), signs it in and joins",
  tags: ["members"],
  params: acceptInvitationParamsSchema,
  body: invitationSignUpBodySchema,
  response: { 200: acceptInvitationResponseSchema, ...errors },
};
