/**
 * Signing up, confirming the address, resetting the password, setting up the first workshop
 * and creating more, and the workshop's mail (settings, test, outbox). Whatever changes who is
 * signed in or their organizations re-reads the session.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  MailSettings,
  MailSettingsBody,
  Outbox,
  OutboxMail,
  TestMailResult,
} from "../../../../src/http/routes/mail/contract.ts";
import type {
  CreatedOrganization,
  OrganizationProfileInput,
  SetupBody,
} from "../../../../src/http/routes/organizations/contract.ts";
import { api } from "../../api/api-client.ts";

function useSessionChange<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: ["session"] }),
  });
}

export const useSignUp = () =>
  useMutation({
    mutationFn: (input: { name: string; email: string; password: string }) =>
      api<unknown>("POST", "/api/auth/sign-up/email", input),
  });

export const useVerifyEmail = () =>
  useSessionChange((token: string) => api<unknown>("POST", "/api/account/verify-email", { token }));

export const useResendVerification = () =>
  useMutation({
    mutationFn: (email: string) =>
      api<unknown>("POST", "/api/auth/send-verification-email", { email }),
  });

export const useForgotPassword = () =>
  useMutation({
    mutationFn: (email: string) =>
      api<unknown>("POST", "/api/auth/request-password-reset", { email }),
  });

export const useResetPassword = () =>
  useMutation({
    mutationFn: (input: { token: string; newPassword: string }) =>
      api<unknown>("POST", "/api/auth/reset-password", input),
  });

export const useSetup = () =>
  useSessionChange((body: SetupBody) => api<CreatedOrganization>("POST", "/api/setup", body));

export const useCreateOrganization = () =>
  useSessionChange((body: OrganizationProfileInput) =>
    api<CreatedOrganization>("POST", "/api/orgs", body),
  );

const mailPath = (org: string) => `/api/orgs/${encodeURIComponent(org)}/mail-settings`;

export const useMailSettings = (org: string) =>
  useQuery({
    queryKey: [org, "mail-settings"],
    queryFn: () => api<MailSettings>("GET", mailPath(org)),
  });

export const useOutbox = (org: string) =>
  useQuery({
    queryKey: [org, "outbox"],
    queryFn: () => api<Outbox>("GET", `/api/orgs/${encodeURIComponent(org)}/outbox`),
  });

export function useRetryMail(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      api<OutboxMail>("POST", `/api/orgs/${encodeURIComponent(org)}/outbox/${id}/retry`),
    onSuccess: () => client.invalidateQueries({ queryKey: [org, "outbox"] }),
  });
}

export function useSaveMailSettings(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MailSettingsBody | null) =>
      body ? api<MailSettings>("PUT", mailPath(org), body) : api<null>("DELETE", mailPath(org)),
    onSuccess: () => client.invalidateQueries({ queryKey: [org] }),
  });
}

export const useTestMail = (org: string) =>
  useMutation({ mutationFn: () => api<TestMailResult>("POST", `${mailPath(org)}/test`) });
