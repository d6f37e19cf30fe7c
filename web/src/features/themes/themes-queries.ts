/** The themes report, the suggestions and the owner's codebook. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CodebookBody,
  CodebookResponse,
  DecideChangeBody,
  RecordChangeBody,
  ThemeChangesResponse,
  ThemesResponse,
} from "../../../../src/http/routes/themes/contract.ts";
import { api } from "../../api/api-client.ts";
import { orgApi, useLang } from "../../api/org-api.ts";

export function useThemes(org: string, enabled: boolean) {
  const lang = useLang();
  return useQuery({
    queryKey: [org, "themes", lang],
    queryFn: () => api<ThemesResponse>("GET", `${orgApi(org)}/themes?lang=${lang}`),
    enabled,
  });
}

/** Every change to the codebook regroups the feedback: the report is fetched again. */
function useCodebookChange<T>(org: string, run: (input: T) => Promise<CodebookResponse>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: [org, "themes"] }),
  });
}

export function useAcceptSuggestion(org: string) {
  return useCodebookChange(org, (input: { id: string; label: string }) =>
    api<CodebookResponse>("POST", `${orgApi(org)}/themes/suggestions/${input.id}/accept`, {
      label: input.label,
    }),
  );
}

export function useDismissSuggestion(org: string) {
  return useCodebookChange(org, (id: string) =>
    api<CodebookResponse>("POST", `${orgApi(org)}/themes/suggestions/${id}/dismiss`, {}),
  );
}

export function useSaveCodebook(org: string) {
  return useCodebookChange(org, (body: CodebookBody) =>
    api<CodebookResponse>("PUT", `${orgApi(org)}/themes/codebook`, body),
  );
}

export function useResetCodebook(org: string) {
  return useCodebookChange(org, () =>
    api<CodebookResponse>("POST", `${orgApi(org)}/themes/codebook/reset`),
  );
}

/** Changes decided because of themes, with how many people were told. */
export function useThemeChanges(org: string, enabled: boolean) {
  const lang = useLang();
  return useQuery({
    queryKey: [org, "theme-changes", lang],
    queryFn: () => api<ThemeChangesResponse>("GET", `${orgApi(org)}/themes/changes?lang=${lang}`),
    enabled,
  });
}

function useChangeMutation<T>(org: string, run: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: [org, "theme-changes"] }),
  });
}

export function useRecordChange(org: string) {
  return useChangeMutation(org, (body: RecordChangeBody) =>
    api("POST", `${orgApi(org)}/themes/changes`, body),
  );
}

export function useDecideChange(org: string) {
  return useChangeMutation(org, (input: { id: string } & DecideChangeBody) =>
    api("POST", `${orgApi(org)}/themes/changes/${input.id}/decide`, {
      status: input.status,
      reason: input.reason,
    }),
  );
}
