/**
 * Invitations seen by the invitee: the link's preview, and joining, after signing up or in
 * when needed. The session is re-read before the caller moves on, so that the new
 * organization is there when its page opens.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { InvitationPreview } from "../../../../src/http/routes/members/contract.ts";
import type { Membership, SessionResponse } from "../../../../src/http/routes/session/contract.ts";
import { api } from "../../api/api-client.ts";

const invitationPath = (secret: string) => `/api/invitations/${encodeURIComponent(secret)}`;

export function useInvitation(secret: string) {
  return useQuery({
    queryKey: ["invitation", secret],
    queryFn: () => api<InvitationPreview>("GET", invitationPath(secret)),
  });
}

export type JoinInput =
  | { via: "session" }
  | { via: "sign-in"; email: string; password: string }
  | { via: "sign-up"; email: string; name: string; password: string };

/** Signs up or in as asked, accepts the invitation, and answers the organization joined. */
export function useJoin(secret: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: JoinInput): Promise<Membership | undefined> => {
      let joined: { org: string };
      if (input.via === "sign-up") {
        // The account of the invited address, made from the link: signed in and joined at once.
        const { name, password } = input;
        joined = await api("POST", `${invitationPath(secret)}/sign-up`, { name, password });
      } else {
        if (input.via === "sign-in") {
          const { email, password } = input;
          await api("POST", "/api/auth/sign-in/email", { email, password });
        }
        joined = await api<{ org: string }>("POST", `${invitationPath(secret)}/accept`);
      }
      await client.invalidateQueries({ queryKey: ["invitation", secret] });
      const session = await client.fetchQuery({
        queryKey: ["session"],
        queryFn: () => api<SessionResponse>("GET", "/api/session"),
        staleTime: 0,
      });
      return session.organizations.find((o) => o.slug === joined.org);
    },
    // Signed up but the acceptance failed: the session has still changed.
    onError: () => client.invalidateQueries({ queryKey: ["session"] }),
  });
}
