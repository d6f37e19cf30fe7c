/**
 * The seller's legal description as one line each: its form and share capital ("SARL au
 * capital de 5 000 €"), and its registration ("RCS Paris 443 061 841"), for the XML (BT-33,
 * the REG note) and the page.
 */
import { spacedSiren } from "../../domain/letterhead.ts";
import { fromMinor, minorDigits } from "../../domain/money.ts";
import type { Lang, OrganizationIdentity } from "../../domain/organization-identity.ts";

export function formAndCapital(
  seller: OrganizationIdentity,
  currency: string,
  lang: Lang,
): string | null {
  if (!seller.legalForm) return null;
  if (seller.shareCapital === null) return seller.legalForm;
  const digits = minorDigits(currency);
  const whole = seller.shareCapital % 10 ** digits === 0;
  const amount = new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", {
    style: "currency",
    currency,
    ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
  }).format(fromMinor(seller.shareCapital, digits));
  return lang === "fr"
    ? `${seller.legalForm} au capital de ${amount}`
    : `${seller.legalForm} with a share capital of ${amount}`;
}

/** "RCS Paris 443 061 841" (or RM), null without a registration or a SIREN. */
export function registration(seller: OrganizationIdentity): string | null {
  if (!seller.registration || !seller.siren) return null;
  const kind = seller.registration.kind.toUpperCase();
  return `${kind} ${seller.registration.place} ${spacedSiren(seller.siren)}`;
}
