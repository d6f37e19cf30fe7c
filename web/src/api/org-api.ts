/**
 * What every feature's query hooks share: the organization's API prefix, the interface
 * language sent as `?lang=`, and the refresh after a write that reached the ledger.
 * @example api<CharterResponse>("GET", `${orgApi(org)}/charter`)
 */
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

export const orgApi = (org: string) => `/api/orgs/${encodeURIComponent(org)}`;

/** The interface language, sent as `?lang=` where the server writes messages. */
export function useLang(): "fr" | "en" {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "fr";
}

/** Refreshes the organization's data after a write that reached the ledger. */
export function useRefreshOrg(org: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: [org] });
}
