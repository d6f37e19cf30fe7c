/** Hooks for surveys: a customer's surveys, sending one by hand, the owner's questions. */
import { useMutation, useQuery } from "@tanstack/react-query";
import type {
  SendSurveyBody,
  SurveySentResponse,
  SurveysOfCustomerResponse,
  SurveyTemplateBody,
  SurveyTemplatesResponse,
} from "../../../../src/http/routes/surveys/contract.ts";
import { api } from "../../api/api-client.ts";
import { orgApi, useRefreshOrg } from "../../api/org-api.ts";

const customerApi = (org: string, id: string) =>
  `${orgApi(org)}/customers/${encodeURIComponent(id)}`;

export function useCustomerSurveys(org: string, customer: string) {
  return useQuery({
    queryKey: [org, "surveys", customer],
    queryFn: () => api<SurveysOfCustomerResponse>("GET", `${customerApi(org, customer)}/surveys`),
  });
}

export function useSendSurvey(org: string, customer: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (body: SendSurveyBody) =>
      api<SurveySentResponse>("POST", `${customerApi(org, customer)}/survey`, body),
    onSuccess: refresh,
  });
}

export function useSurveyTemplates(org: string) {
  return useQuery({
    queryKey: [org, "survey-templates"],
    queryFn: () => api<SurveyTemplatesResponse>("GET", `${orgApi(org)}/surveys/templates`),
  });
}

export function useSaveSurveyTemplate(org: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (body: SurveyTemplateBody) =>
      api<SurveyTemplatesResponse>("PUT", `${orgApi(org)}/surveys/templates`, body),
    onSuccess: refresh,
  });
}
