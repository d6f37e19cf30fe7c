/** The organization's charter, the preview of a change, and saving it. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CharterPatch,
  CharterPreviewResponse,
  CharterResponse,
} from "../../../../src/http/routes/charter/contract.ts";
import { api } from "../../api/api-client.ts";
import { orgApi, useLang } from "../../api/org-api.ts";

export function useCharter(org: string) {
  return useQuery({
    queryKey: [org, "charter"],
    queryFn: () => api<CharterResponse>("GET", `${orgApi(org)}/charter`),
  });
}

/** The preview of a charter patch; disabled while the patch is empty. */
export function useCharterPreview(org: string, patch: CharterPatch, enabled: boolean) {
  const lang = useLang();
  return useQuery({
    queryKey: [org, "charter-preview", patch, lang],
    queryFn: () =>
      api<CharterPreviewResponse>("POST", `${orgApi(org)}/charter/preview?lang=${lang}`, patch),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useSaveCharter(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: CharterPatch) =>
      api<CharterResponse>("PATCH", `${orgApi(org)}/charter`, patch),
    // Every scorecard may have moved: drop the organization's cached data.
    onSuccess: () => client.invalidateQueries({ queryKey: [org] }),
  });
}
