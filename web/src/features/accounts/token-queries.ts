/** The signed-in user's API tokens, and making and revoking them. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreatedApiToken,
  CreateTokenBody,
  TokensResponse,
} from "../../../../src/http/routes/tokens/contract.ts";
import { api } from "../../api/api-client.ts";

const key = ["tokens"];

export function useTokens() {
  return useQuery({ queryKey: key, queryFn: () => api<TokensResponse>("GET", "/api/tokens") });
}

export function useTokenActions() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: key });
  return {
    create: useMutation({
      mutationFn: (body: CreateTokenBody) => api<CreatedApiToken>("POST", "/api/tokens", body),
      onSuccess: refresh,
    }),
    revoke: useMutation({
      mutationFn: (id: string) => api("DELETE", `/api/tokens/${encodeURIComponent(id)}`),
      onSuccess: refresh,
    }),
  };
}
