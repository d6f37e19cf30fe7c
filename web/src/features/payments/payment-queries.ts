/** Hooks for payments at the counter and the payment journal (docs/payments.md). */
import { useMutation, useQuery } from "@tanstack/react-query";
import type {
  ClosuresResponse,
  CustomerBalanceResponse,
  JournalCheckView,
  JournalResponse,
  RecordPaymentBody,
  RecordPaymentResponse,
} from "../../../../src/http/routes/payments/contract.ts";
import { api, queryString } from "../../api/api-client.ts";
import { orgApi, useRefreshOrg } from "../../api/org-api.ts";

export function useCustomerBalance(org: string, customer: string, enabled = true) {
  return useQuery({
    queryKey: [org, "payments", "balance", customer],
    queryFn: () =>
      api<CustomerBalanceResponse>(
        "GET",
        `${orgApi(org)}/customers/${encodeURIComponent(customer)}/balance`,
      ),
    enabled,
  });
}

export function useRecordPayment(org: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (body: RecordPaymentBody) =>
      api<RecordPaymentResponse>("POST", `${orgApi(org)}/payments`, body),
    onSuccess: refresh,
  });
}

export function useJournal(org: string, before?: number, limit?: number) {
  return useQuery({
    queryKey: [org, "payments", "journal", before ?? null, limit ?? null],
    queryFn: () =>
      api<JournalResponse>(
        "GET",
        `${orgApi(org)}/payments/journal${queryString({ before, limit })}`,
      ),
  });
}

export function useClosures(org: string) {
  return useQuery({
    queryKey: [org, "payments", "closures"],
    queryFn: () => api<ClosuresResponse>("GET", `${orgApi(org)}/payments/closures`),
  });
}

export function useVerifyJournal(org: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: () =>
      api<{ check: JournalCheckView }>("POST", `${orgApi(org)}/payments/verify`, {}),
    onSuccess: refresh,
  });
}

export function useCloseJournal(org: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: () => api<ClosuresResponse>("POST", `${orgApi(org)}/payments/close`, {}),
    onSuccess: refresh,
  });
}

/** The URL of an archive of the journal between two days (a JSON file to keep). */
export const archiveUrl = (org: string, from: string, to: string) =>
  `${orgApi(org)}/payments/archive${queryString({ from, to })}`;

/** "12,50" or "12.50" (what people type) as a number; NaN when it is not an amount. */
export function parseAmount(text: string): number {
  const clean = text.replace(/[\s\u00a0\u202f€$£]/g, "").replace(",", ".");
  return /^\d+(\.\d{0,2})?$/.test(clean) ? Number(clean) : Number.NaN;
}
