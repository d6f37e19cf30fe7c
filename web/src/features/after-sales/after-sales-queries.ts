/** Hooks for after-sales (docs/intake.md): complaints and returns. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, queryString } from "../../api/api-client.ts";
import type {
  ComplaintResponse,
  ComplaintsResponse,
  OpenComplaintBody,
  ResolveBody,
  ReturnBody,
  ReturnResponse,
  ReturnsResponse,
} from "../../api/intake-types.ts";
import { orgApi, useRefreshOrg } from "../../api/org-api.ts";

const seg = encodeURIComponent;

export function useComplaints(org: string, params: { open?: "true" | "false"; order?: string }) {
  return useQuery({
    queryKey: [org, "complaints", params],
    queryFn: () =>
      api<ComplaintsResponse>("GET", `${orgApi(org)}/complaints${queryString(params)}`),
  });
}

export function useComplaint(org: string, id: string) {
  return useQuery({
    queryKey: [org, "complaint", id],
    queryFn: () => api<ComplaintResponse>("GET", `${orgApi(org)}/complaints/${seg(id)}`),
  });
}

export function useOpenComplaint(org: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (body: OpenComplaintBody) =>
      api<ComplaintResponse>("POST", `${orgApi(org)}/complaints`, body),
    onSuccess: refresh,
  });
}

export function useComplaintAction(org: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      action: { kind: "respond"; text: string } | { kind: "resolve"; body: ResolveBody },
    ) =>
      action.kind === "respond"
        ? api<ComplaintResponse>("POST", `${orgApi(org)}/complaints/${seg(id)}/respond`, {
            text: action.text,
          })
        : api<ComplaintResponse>(
            "POST",
            `${orgApi(org)}/complaints/${seg(id)}/resolve`,
            action.body,
          ),
    onSuccess: (data) => {
      client.setQueryData([org, "complaint", id], data);
      return client.invalidateQueries({
        predicate: (q) => q.queryKey[0] === org && q.queryKey[1] !== "complaint",
      });
    },
  });
}

export function useCustomerReturns(org: string, customer: string | null) {
  return useQuery({
    queryKey: [org, "returns", customer],
    queryFn: () =>
      api<ReturnsResponse>("GET", `${orgApi(org)}/returns${queryString({ customer })}`),
    enabled: customer !== null,
  });
}

export function useRegisterReturn(org: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (body: ReturnBody) => api<ReturnResponse>("POST", `${orgApi(org)}/returns`, body),
    onSuccess: refresh,
  });
}
