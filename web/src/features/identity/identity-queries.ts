/**
 * The organization's identity and logo (the owner writes them), and the first-steps checklist.
 * A write refreshes the identity and the checklist.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  FirstStepsResponse,
  IdentityBody,
  IdentityResponse,
} from "../../../../src/http/routes/identity/contract.ts";
import { api } from "../../api/api-client.ts";
import { orgApi } from "../../api/org-api.ts";

export function useIdentity(org: string) {
  return useQuery({
    queryKey: [org, "identity"],
    queryFn: () => api<IdentityResponse>("GET", `${orgApi(org)}/identity`),
  });
}

export function useFirstSteps(org: string, enabled = true) {
  return useQuery({
    queryKey: [org, "first-steps"],
    queryFn: () => api<FirstStepsResponse>("GET", `${orgApi(org)}/first-steps`),
    enabled,
  });
}

function useIdentityWrite<T>(org: string, write: (input: T) => Promise<IdentityResponse>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (data) => {
      client.setQueryData([org, "identity"], data);
      void client.invalidateQueries({ queryKey: [org, "first-steps"] });
    },
  });
}

export function useSaveIdentity(org: string) {
  return useIdentityWrite(org, (body: IdentityBody) =>
    api<IdentityResponse>("PUT", `${orgApi(org)}/identity`, body),
  );
}

export function useUploadLogo(org: string) {
  return useIdentityWrite(org, (file: File) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return api<IdentityResponse>("PUT", `${orgApi(org)}/identity/logo`, form);
  });
}

export function useRemoveLogo(org: string) {
  return useIdentityWrite(org, (_: undefined) =>
    api<IdentityResponse>("DELETE", `${orgApi(org)}/identity/logo`),
  );
}
