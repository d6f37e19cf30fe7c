/** Hooks for incidents and relationship decisions (docs/relationships.md). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  IncidentResponse,
  ReportIncidentBody,
} from "../../../../src/http/routes/incidents/contract.ts";
import type {
  DecisionResponse,
  EndedResponse,
  LetterBody,
  PartWaysBody,
  RelationshipResponse,
} from "../../../../src/http/routes/relationships/contract.ts";
import { api, queryString } from "../../api/api-client.ts";
import { orgApi, useRefreshOrg } from "../../api/org-api.ts";

const relationshipApi = (org: string, customer: string) =>
  `${orgApi(org)}/customers/${encodeURIComponent(customer)}/relationship`;

/** The URL of a parting letter's PDF. */
export const letterPdfUrl = (org: string, customer: string, decision: string) =>
  `${relationshipApi(org, customer)}/decisions/${encodeURIComponent(decision)}/letter.pdf`;

export function useReportIncident(org: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (body: ReportIncidentBody) =>
      api<IncidentResponse>("POST", `${orgApi(org)}/incidents`, body),
    onSuccess: refresh,
  });
}

/** Customers whose relationship is ended (every role), optionally one. */
export function useEndedRelationships(org: string, customer?: string) {
  return useQuery({
    queryKey: [org, "relationships", "ended", customer ?? null],
    queryFn: () =>
      api<EndedResponse>("GET", `${orgApi(org)}/relationships${queryString({ customer })}`),
  });
}

export function useRelationship(org: string, customer: string, enabled = true) {
  return useQuery({
    queryKey: [org, "relationship", customer],
    queryFn: () => api<RelationshipResponse>("GET", relationshipApi(org, customer)),
    enabled,
  });
}

export function useDraftLetter(org: string, customer: string) {
  return useMutation({
    mutationFn: (body: LetterBody) =>
      api<{ lang: "fr" | "en"; text: string }>(
        "POST",
        `${relationshipApi(org, customer)}/letter`,
        body,
      ),
  });
}

export function usePartWays(org: string, customer: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (body: PartWaysBody) =>
      api<DecisionResponse>("POST", `${relationshipApi(org, customer)}/part-ways`, body),
    onSuccess: refresh,
  });
}

export function useResume(org: string, customer: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (explanation: string) =>
      api<DecisionResponse>("POST", `${relationshipApi(org, customer)}/resume`, { explanation }),
    onSuccess: refresh,
  });
}

export function useSendLetter(org: string, customer: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (decision: string) =>
      api<{ to: string; delivered: boolean }>(
        "POST",
        `${relationshipApi(org, customer)}/decisions/${encodeURIComponent(decision)}/send`,
        {},
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: [org, "relationship", customer] }),
  });
}
