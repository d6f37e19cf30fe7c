/** Hooks for time by activity: the member's timer, manual entries, a customer's time, the report. */
import { useMutation, useQuery } from "@tanstack/react-query";
import type {
  CustomerTimeResponse,
  LogTimeBody,
  NonBillableResponse,
  StartTimerBody,
  StopTimerBody,
  TimeEntryResponse,
  TimerResponse,
} from "../../../../src/http/routes/time/contract.ts";
import { api } from "../../api/api-client.ts";
import { orgApi, useRefreshOrg } from "../../api/org-api.ts";

/** The member's running timer, read from the server (a reload finds it there). */
export function useTimer(org: string) {
  return useQuery({
    queryKey: [org, "timer"],
    queryFn: () => api<TimerResponse>("GET", `${orgApi(org)}/timer`),
  });
}

export function useStartTimer(org: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (body: StartTimerBody) => api<TimerResponse>("POST", `${orgApi(org)}/timer`, body),
    onSettled: refresh,
  });
}

export function useStopTimer(org: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (body: StopTimerBody) =>
      api<TimeEntryResponse>("POST", `${orgApi(org)}/timer/stop`, body),
    onSettled: refresh,
  });
}

export function useDiscardTimer(org: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: () => api<{ ok: boolean }>("DELETE", `${orgApi(org)}/timer`),
    onSettled: refresh,
  });
}

export function useLogTime(org: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (body: LogTimeBody) => api<TimeEntryResponse>("POST", `${orgApi(org)}/time`, body),
    onSuccess: refresh,
  });
}

export function useCustomerTime(org: string, customer: string) {
  return useQuery({
    queryKey: [org, "customer-time", customer],
    queryFn: () =>
      api<CustomerTimeResponse>(
        "GET",
        `${orgApi(org)}/customers/${encodeURIComponent(customer)}/time`,
      ),
  });
}

export function useNonBillableReport(org: string) {
  return useQuery({
    queryKey: [org, "non-billable-time"],
    queryFn: () => api<NonBillableResponse>("GET", `${orgApi(org)}/reports/non-billable-time`),
  });
}
