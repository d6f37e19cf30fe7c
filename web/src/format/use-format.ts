import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useOrgContext } from "../layout/org-context.ts";
import { type Formatters, formatters, type Lang } from "./formatters.ts";

/** The formatters of the interface language, in the current organization's time zone. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const org = useOrgContext();
  const lang: Lang = i18n.language === "en" ? "en" : "fr";
  return useMemo(() => formatters(lang, org?.timeZone), [lang, org?.timeZone]);
}
