/** The customers list (filtered, sorted and paged on the server) and one customer's page. */
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import type {
  CustomerResponse,
  CustomersQuery,
  CustomersResponse,
} from "../../../../src/http/routes/customers/contract.ts";
import type {
  CorrectCustomerBody,
  CreateCustomerBody,
  CreateCustomerResponse,
  DuplicatesResponse,
  MergeResponse,
  RecordChangeResponse,
} from "../../../../src/http/routes/customers/contract-records.ts";
import { api, queryString } from "../../api/api-client.ts";
import { orgApi, useLang, useRefreshOrg } from "../../api/org-api.ts";

/** The customers query as the page builds it (the contract's input type leaves paging loose). */
export type CustomersParams = Omit<CustomersQuery, "page" | "pageSize"> & {
  page: number;
  pageSize: number;
};

export function useCustomers(org: string, params: CustomersParams) {
  const lang = useLang();
  return useQuery({
    queryKey: [org, "customers", params, lang],
    queryFn: () =>
      api<CustomersResponse>("GET", `${orgApi(org)}/customers${queryString({ ...params, lang })}`),
    placeholderData: keepPreviousData,
  });
}

/** Which page of the customer's timeline: a number (1, the newest), or the page of a fact. */
export interface TimelineParams {
  page?: number;
  fact?: string;
}

export function useCustomer(org: string, id: string, timeline: TimelineParams = {}) {
  const lang = useLang();
  return useQuery({
    queryKey: [org, "customer", id, lang, timeline],
    queryFn: () =>
      api<CustomerResponse>(
        "GET",
        `${orgApi(org)}/customers/${encodeURIComponent(id)}${queryString({
          lang,
          timelinePage: timeline.page,
          fact: timeline.fact,
        })}`,
      ),
    // Another page of the same customer's timeline keeps the page on screen while it loads;
    // another customer does not (their name would show over someone else's facts).
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === id ? previous : undefined,
  });
}

/** Likely duplicates (managers), of one customer or of all. */
export function useDuplicates(org: string, customer?: string, enabled = true) {
  return useQuery({
    queryKey: [org, "customer-duplicates", customer ?? null],
    queryFn: () =>
      api<DuplicatesResponse>(
        "GET",
        `${orgApi(org)}/customer-duplicates${queryString({ customer })}`,
      ),
    enabled,
  });
}

const customerApi = (org: string, id: string) =>
  `${orgApi(org)}/customers/${encodeURIComponent(id)}`;

export function useCreateCustomer(org: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (body: CreateCustomerBody) =>
      api<CreateCustomerResponse>("POST", `${orgApi(org)}/customers`, body),
    onSuccess: refresh,
  });
}

export function useCorrectCustomer(org: string, id: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (body: CorrectCustomerBody) =>
      api<RecordChangeResponse>("PATCH", customerApi(org, id), body),
    onSuccess: refresh,
  });
}

/** Archive, unarchive or unmerge a customer (managers). */
export function useRecordAction(org: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (input: { id: string; action: "archive" | "unarchive" | "unmerge" }) =>
      api<RecordChangeResponse>("POST", `${customerApi(org, input.id)}/${input.action}`),
    onSuccess: refresh,
  });
}

export function useMergeCustomer(org: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (input: { id: string; into: string }) =>
      api<MergeResponse>("POST", `${customerApi(org, input.id)}/merge`, { into: input.into }),
    onSuccess: refresh,
  });
}
