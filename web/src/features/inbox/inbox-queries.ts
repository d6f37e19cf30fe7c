/** The inbox: what is due at the counter, and marking a feedback call done (docs/intake.md). */
import { useMutation, useQuery } from "@tanstack/react-query";
import { api } from "../../api/api-client.ts";
import type { InboxResponse } from "../../api/intake-types.ts";
import { orgApi, useRefreshOrg } from "../../api/org-api.ts";

const seg = encodeURIComponent;

/** The inbox, refreshed every minute so that the countdowns stay true. */
export function useInbox(org: string, enabled = true) {
  return useQuery({
    queryKey: [org, "inbox"],
    queryFn: () => api<InboxResponse>("GET", `${orgApi(org)}/inbox`),
    refetchInterval: 60_000,
    enabled,
  });
}

export function useFeedbackDone(org: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (id: string) => api("POST", `${orgApi(org)}/inbox/feedback/${seg(id)}/done`, {}),
    onSuccess: refresh,
  });
}
