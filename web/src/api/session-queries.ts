/**
 * TanStack Query hooks, one per API route (docs/api.md). Query keys start with the
 * organization's slug so that switching organization never shows another one's data.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type {
  CharterPatch,
  CharterPreviewResponse,
  CharterResponse,
  CustomerResponse,
  CustomersQuery,
  CustomersResponse,
  DashboardResponse,
  InvitationCreated,
  InviteBody,
  MembersResponse,
  SessionResponse,
} from "../../../src/http/contract.ts";
import { api, queryString } from "./api-client.ts";

/** The customers query as the page builds it (the contract's input type leaves paging loose). */
export type CustomersParams = Omit<CustomersQuery, "page" | "pageSize"> & {
  page: number;
  pageSize: number;
};

const orgPath = (org: string) => `/api/orgs/${encodeURIComponent(org)}`;

/** The interface language, sent as `?lang=` where the server writes signal messages. */
function useLang(): "fr" | "en" {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "fr";
}

export function useSession() {
  return useQuery({
    queryKey: ["session"],
    queryFn: () => api<SessionResponse>("GET", "/api/session"),
    staleTime: 60_000,
  });
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

export function useDashboard(org: string) {
  const lang = useLang();
  return useQuery({
    queryKey: [org, "dashboard", lang],
    queryFn: () => api<DashboardResponse>("GET", `${orgPath(org)}/dashboard?lang=${lang}`),
  });
}

export function useCustomers(org: string, params: CustomersParams) {
  const lang = useLang();
  return useQuery({
    queryKey: [org, "customers", params, lang],
    queryFn: () =>
      api<CustomersResponse>("GET", `${orgPath(org)}/customers${queryString({ ...params, lang })}`),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(org: string, id: string) {
  const lang = useLang();
  return useQuery({
    queryKey: [org, "customer", id, lang],
    queryFn: () =>
      api<CustomerResponse>(
        "GET",
        `${orgPath(org)}/customers/${encodeURIComponent(id)}?lang=${lang}`,
      ),
  });
}

export function useCharter(org: string) {
  return useQuery({
    queryKey: [org, "charter"],
    queryFn: () => api<CharterResponse>("GET", `${orgPath(org)}/charter`),
  });
}

/** The preview of a charter patch; disabled while the patch is empty. */
export function useCharterPreview(org: string, patch: CharterPatch, enabled: boolean) {
  const lang = useLang();
  return useQuery({
    queryKey: [org, "charter-preview", patch, lang],
    queryFn: () =>
      api<CharterPreviewResponse>("POST", `${orgPath(org)}/charter/preview?lang=${lang}`, patch),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useSaveCharter(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: CharterPatch) =>
      api<CharterResponse>("PATCH", `${orgPath(org)}/charter`, patch),
    // Every scorecard may have moved: drop the organization's cached data.
    onSuccess: () => client.invalidateQueries({ queryKey: [org] }),
  });
}

export function useMembers(org: string) {
  return useQuery({
    queryKey: [org, "members"],
    queryFn: () => api<MembersResponse>("GET", `${orgPath(org)}/members`),
  });
}

export function useMemberActions(org: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: [org, "members"] });
  return {
    invite: useMutation({
      mutationFn: (body: InviteBody) =>
        api<InvitationCreated>("POST", `${orgPath(org)}/invitations`, body),
      onSuccess: refresh,
    }),
    revoke: useMutation({
      mutationFn: (id: string) =>
        api("DELETE", `${orgPath(org)}/invitations/${encodeURIComponent(id)}`),
      onSuccess: refresh,
    }),
    changeRole: useMutation({
      mutationFn: (input: { userId: string; role: InviteBody["role"] }) =>
        api("PATCH", `${orgPath(org)}/members/${encodeURIComponent(input.userId)}`, {
          role: input.role,
        }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (userId: string) =>
        api("DELETE", `${orgPath(org)}/members/${encodeURIComponent(userId)}`),
      onSuccess: refresh,
    }),
  };
}
