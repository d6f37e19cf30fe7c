/**
 * i18next setup: French by default, English one click away; the choice is kept in
 * localStorage and sent to the API (Accept-Language) so signal messages follow it.
 */
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { setApiLanguage } from "../api/api-client.ts";
import { en } from "./en.ts";
import { fr, type Resources } from "./fr.ts";

export const LANGUAGES = ["fr", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = "comptoir.lang";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Resources };
  }
}

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "fr";
  } catch {
    return "fr";
  }
}

function apply(lang: string) {
  document.documentElement.lang = lang;
  setApiLanguage(lang);
}

export function initI18n() {
  const lng = storedLanguage();
  apply(lng);
  i18n.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng,
    fallbackLng: "fr",
    interpolation: { escapeValue: false },
  });
  return i18n;
}

/** Switches the interface language and remembers the choice. */
export async function changeLanguage(lang: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private browsing: the choice lasts for this page only.
  }
  apply(lang);
  await i18n.changeLanguage(lang);
}
