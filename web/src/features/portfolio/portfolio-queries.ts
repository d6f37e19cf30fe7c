/** The dashboard's numbers for one organization, in the interface language. */
import { useQuery } from "@tanstack/react-query";
import type { DashboardResponse } from "../../../../src/http/routes/dashboard/contract.ts";
import { api } from "../../api/api-client.ts";
import { orgApi, useLang } from "../../api/org-api.ts";

export function useDashboard(org: string) {
  const lang = useLang();
  return useQuery({
    queryKey: [org, "dashboard", lang],
    queryFn: () => api<DashboardResponse>("GET", `${orgApi(org)}/dashboard?lang=${lang}`),
  });
}
