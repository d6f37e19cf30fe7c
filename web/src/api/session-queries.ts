/**
 * The session: who is signed in, in which organizations, with what rights. The router reads
 * it before showing an organization's pages (`sessionQuery`); query keys elsewhere start with
 * the organization's slug so that switching organization never shows another one's data.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SessionResponse } from "../../../src/http/routes/session/contract.ts";
import { api } from "./api-client.ts";

export const sessionQuery = queryOptions({
  queryKey: ["session"],
  queryFn: () => api<SessionResponse>("GET", "/api/session"),
  staleTime: 60_000,
});

export function useSession() {
  return useQuery(sessionQuery);
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      api<unknown>("POST", "/api/auth/sign-in/email", input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["session"] }),
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<unknown>("POST", "/api/auth/sign-out", {}),
    onSuccess: () => {
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== "session" });
      return client.invalidateQueries({ queryKey: ["session"] });
    },
  });
}
