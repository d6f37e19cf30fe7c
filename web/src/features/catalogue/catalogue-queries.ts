/**
 * The service catalogue page's hooks: every service in both languages, active or not, and
 * the writes (managers and owners; the API refuses staff anyway). A write refreshes every
 * catalogue query of the organization, so the intake form offers the new service at once.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { serviceBodySchema } from "../../../../src/http/routes/catalogue/contract.ts";
import { api } from "../../api/api-client.ts";
import type { CatalogueResponse, Service } from "../../api/intake-types.ts";
import { orgApi } from "../../api/org-api.ts";

export type ServiceBody = z.input<typeof serviceBodySchema>;

export function useFullCatalogue(org: string) {
  return useQuery({
    queryKey: [org, "catalogue", "all"],
    queryFn: () => api<CatalogueResponse>("GET", `${orgApi(org)}/catalogue?all=true`),
  });
}

export function useSaveService(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: ServiceBody }) =>
      id === null
        ? api<Service>("POST", `${orgApi(org)}/catalogue`, body)
        : api<Service>("PATCH", `${orgApi(org)}/catalogue/${encodeURIComponent(id)}`, body),
    onSuccess: () =>
      client.invalidateQueries({
        predicate: (q) => q.queryKey[0] === org && q.queryKey[1] === "catalogue",
      }),
  });
}
