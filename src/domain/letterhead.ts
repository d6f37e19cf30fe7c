/**
 * The organization's letterhead as lines of text: the head of a receipt, a letter and (later)
 * an invoice, and the legal mentions at their foot. Pure: the app layer adds the logo's bytes.
 */
import { VAT_FRANCHISE_MENTION } from "./business-identifiers.ts";
import { fromMinor, minorDigits } from "./money.ts";
import type { Lang, OrganizationIdentity } from "./organization-identity.ts";

export interface LetterheadText {
  /** The name the customers know (the organization's name). */
  name: string;
  /** Legal name and form, address, contact: under the name. */
  lines: string[];
  /** Registration, VAT: at the foot of the page. */
  legal: string[];
}

/** `443061841` → `443 061 841`; `44306184100047` → `443 061 841 00047`. */
export function spacedSiren(value: string): string {
  const siren = value.slice(0, 9).replace(/(\d{3})(?=\d)/g, "$1 ");
  return value.length > 9 ? `${siren} ${value.slice(9)}` : siren;
}

const T = {
  fr: {
    capital: (form: string, amount: string) => `${form} au capital de ${amount}`,
    phone: "Tél.",
    vat: "N° TVA intracommunautaire",
  },
  en: {
    capital: (form: string, amount: string) => `${form} with a share capital of ${amount}`,
    phone: "Tel.",
    vat: "VAT number",
  },
} as const;

/**
 * @example letterheadText("Chez Martin", identity, "EUR", "fr").legal
 * // ["SIRET 443 061 841 00047 · RCS Paris 443 061 841", "TVA non applicable, art. 293 B du CGI"]
 */
export function letterheadText(
  orgName: string,
  identity: OrganizationIdentity | null,
  currency: string,
  lang: Lang,
): LetterheadText {
  if (!identity) return { name: orgName, lines: [], legal: [] };
  const L = T[lang];
  const lines: string[] = [];
  const sameName = identity.legalName.toLowerCase() === orgName.toLowerCase();
  let legal = sameName ? "" : identity.legalName;
  if (identity.legalForm) {
    const digits = minorDigits(currency);
    // Whole amounts without their cents: "au capital de 5 000 €".
    const whole = identity.shareCapital !== null && identity.shareCapital % 10 ** digits === 0;
    const form =
      identity.shareCapital !== null
        ? L.capital(
            identity.legalForm,
            new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", {
              style: "currency",
              currency,
              ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
            }).format(fromMinor(identity.shareCapital, digits)),
          )
        : identity.legalForm;
    legal = legal ? `${legal}, ${form}` : form;
  }
  if (legal) lines.push(legal);
  const a = identity.address;
  if (a) {
    for (const part of a.street.split(/\n+/)) if (part.trim()) lines.push(part.trim());
    lines.push(`${a.postalCode} ${a.city}`.trim());
    if (a.country !== "FR") lines.push(a.country);
  }
  const contact = [
    identity.phone && `${L.phone} ${identity.phone}`,
    identity.email,
    identity.website?.replace(/^https?:\/\//, ""),
  ].filter((x): x is string => Boolean(x));
  if (contact.length > 0) lines.push(contact.join(" · "));

  const registry = [
    identity.siret
      ? `SIRET ${spacedSiren(identity.siret)}`
      : identity.siren && `SIREN ${spacedSiren(identity.siren)}`,
    identity.registration &&
      identity.siren &&
      `${identity.registration.kind.toUpperCase()} ${identity.registration.place} ${spacedSiren(identity.siren)}`,
  ].filter((x): x is string => Boolean(x));
  const legalLines: string[] = [];
  if (registry.length > 0) legalLines.push(registry.join(" · "));
  if (identity.vatNumber) legalLines.push(`${L.vat} ${identity.vatNumber}`);
  else if (identity.vatFranchise) legalLines.push(VAT_FRANCHISE_MENTION);
  return { name: orgName, lines, legal: legalLines };
}
