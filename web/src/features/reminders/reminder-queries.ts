/** Hooks for the reminders page (docs/reminders.md). */
import { useMutation, useQuery } from "@tanstack/react-query";
import type {
  PauseBody,
  PreviewBody,
  ReminderActionResult,
  ReminderPreview,
  ReminderSettingsBody,
  ReminderSettingsView,
  RemindersView,
} from "../../../../src/http/routes/reminders/contract.ts";
import { api } from "../../api/api-client.ts";
import { orgApi, useRefreshOrg } from "../../api/org-api.ts";

const base = (org: string) => `${orgApi(org)}/reminders`;
const invoicePath = (org: string, invoice: string, action: string) =>
  `${base(org)}/invoices/${encodeURIComponent(invoice)}/${action}`;

export const useReminders = (org: string) =>
  useQuery({ queryKey: [org, "reminders"], queryFn: () => api<RemindersView>("GET", base(org)) });

export function useReminderAction(org: string, action: "send" | "confirm" | "dismiss") {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (invoice: string) =>
      api<ReminderActionResult | null>("POST", invoicePath(org, invoice, action)),
    onSuccess: refresh,
  });
}

export function usePause(org: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (body: PauseBody) => api<{ id: number }>("POST", `${base(org)}/pauses`, body),
    onSuccess: refresh,
  });
}

export function useEndPause(org: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (id: number) => api<null>("DELETE", `${base(org)}/pauses/${id}`),
    onSuccess: refresh,
  });
}

export const useReminderSettings = (org: string) =>
  useQuery({
    queryKey: [org, "reminders", "settings"],
    queryFn: () => api<ReminderSettingsView>("GET", `${base(org)}/settings`),
  });

export function useSaveReminderSettings(org: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (body: ReminderSettingsBody) =>
      api<ReminderSettingsView>("PUT", `${base(org)}/settings`, body),
    onSuccess: refresh,
  });
}

export const usePreview = (org: string) =>
  useMutation({
    mutationFn: (body: PreviewBody) => api<ReminderPreview>("POST", `${base(org)}/preview`, body),
  });
