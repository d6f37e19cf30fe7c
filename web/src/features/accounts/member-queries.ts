/** The organization's members and pending invitations, and what an owner does with them. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  InvitationCreated,
  InviteBody,
  MembersResponse,
} from "../../../../src/http/routes/members/contract.ts";
import { api } from "../../api/api-client.ts";
import { orgApi } from "../../api/org-api.ts";

export function useMembers(org: string) {
  return useQuery({
    queryKey: [org, "members"],
    queryFn: () => api<MembersResponse>("GET", `${orgApi(org)}/members`),
  });
}

export function useMemberActions(org: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: [org, "members"] });
  return {
    invite: useMutation({
      mutationFn: (body: InviteBody) =>
        api<InvitationCreated>("POST", `${orgApi(org)}/invitations`, body),
      onSuccess: refresh,
    }),
    revoke: useMutation({
      mutationFn: (id: string) =>
        api("DELETE", `${orgApi(org)}/invitations/${encodeURIComponent(id)}`),
      onSuccess: refresh,
    }),
    changeRole: useMutation({
      mutationFn: (input: { userId: string; role: InviteBody["role"] }) =>
        api("PATCH", `${orgApi(org)}/members/${encodeURIComponent(input.userId)}`, {
          role: input.role,
        }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (userId: string) =>
        api("DELETE", `${orgApi(org)}/members/${encodeURIComponent(userId)}`),
      onSuccess: refresh,
    }),
  };
}
