/**
 * What a new organization says about itself: name, trade, language, currency and time zone,
 * checked here (pure) so that the API, the setup and the command line refuse alike.
 */
import type { FieldError } from "./charter.ts";

export interface OrganizationProfile {
  name: string;
  /** Lower-case letters, digits and dashes; derived from the name when not given. */
  slug?: string;
  /** Free text; the web app suggests cordonnerie, retouches, traduction, réparation… */
  trade?: string | null;
  lang: "fr" | "en";
  /** ISO 4217 code: EUR, CHF, CAD… */
  currency: string;
  /** IANA zone: Europe/Paris. */
  timeZone: string;
}

/** What the web app proposes for `trade` (any other text is fine). */
export const TRADE_SUGGESTIONS = [
  "cordonnerie",
  "retouches",
  "couture",
  "traduction",
  "réparation",
  "réparation de vélos",
  "réparation d'électroménager",
  "horlogerie",
  "bijouterie",
  "serrurerie",
  "encadrement",
  "tapisserie",
] as const;

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** `Atelier Éloïse & Fils` → `atelier-eloise-fils`; "atelier" when nothing is left. */
export function slugFromName(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/, "");
  return slug || "atelier";
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}

function isCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  const known = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return known ? known("currency").includes(code) : true;
}

/** Every field that is wrong, with what is wrong; empty when the profile is fine. */
export function checkOrganizationProfile(profile: OrganizationProfile): FieldError[] {
  const errors: FieldError[] = [];
  const name = profile.name.trim();
  if (name.length === 0) errors.push({ field: "name", reason: "must not be empty" });
  if (name.length > 120) errors.push({ field: "name", reason: "at most 120 characters" });
  if (profile.slug !== undefined && !SLUG_PATTERN.test(profile.slug)) {
    errors.push({
      field: "slug",
      reason: `"${profile.slug}" must be lower-case letters, digits and dashes (at most 63)`,
    });
  }
  if ((profile.trade ?? "").length > 80)
    errors.push({ field: "trade", reason: "at most 80 characters" });
  if (profile.lang !== "fr" && profile.lang !== "en") {
    errors.push({ field: "lang", reason: "must be fr or en" });
  }
  if (!isCurrency(profile.currency)) {
    errors.push({
      field: "currency",
      reason: `"${profile.currency}" is not an ISO 4217 currency code (EUR, CHF, CAD…)`,
    });
  }
  if (!isTimeZone(profile.timeZone)) {
    errors.push({
      field: "timeZone",
      reason: `"${profile.timeZone}" is not a time zone (Europe/Paris, America/Montreal…)`,
    });
  }
  return errors;
}
