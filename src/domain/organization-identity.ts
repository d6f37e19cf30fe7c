/**
 * The organization's identity (issue 14): who the business is on paper, as its receipts,
 * letters and, later, invoices show it. `checkIdentity` turns what the owner typed into the
 * record (identifiers in their compact form), or says field by field what is wrong, in French
 * or English: `siren: la clé de contrôle est fausse (clé de Luhn)`.
 */
import {
  type Checked,
  checkFrenchVat,
  checkSiren,
  checkSiret,
  compact,
  frenchVatKey,
  type IdentifierProblem,
} from "./business-identifiers.ts";

export type Lang = "fr" | "en";
/** The register a French business is entered in: trade (RCS) or crafts (RM). */
export const REGISTRATION_KINDS = ["rcs", "rm"] as const;
export type RegistrationKind = (typeof REGISTRATION_KINDS)[number];

export interface PostalAddress {
  street: string;
  postalCode: string;
  city: string;
  /** ISO 3166 alpha-2, upper case ("FR"). */
  country: string;
}

export interface OrganizationIdentity {
  legalName: string;
  /** Free text: "SARL", "EI", "SAS"... */
  legalForm: string | null;
  address: PostalAddress | null;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  /** Under the VAT franchise: the documents carry VAT_FRANCHISE_MENTION instead of a number. */
  vatFranchise: boolean;
  registration: { kind: RegistrationKind; place: string } | null;
  /** In minor units of the charter's currency. */
  shareCapital: number | null;
  email: string | null;
  phone: string | null;
  website: string | null;
}

/** What the owner sends, already shaped by the API's schema (strings trimmed, or absent). */
export interface IdentityInput {
  legalName: string;
  legalForm?: string | null;
  address?: PostalAddress | null;
  siren?: string | null;
  siret?: string | null;
  vatNumber?: string | null;
  vatFranchise?: boolean;
  registration?: { kind: RegistrationKind; place: string } | null;
  shareCapital?: number | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
}

export interface IdentityError {
  field: string;
  message: string;
}

const PROBLEMS: Record<Lang, Record<"siren" | "siret" | "vat", Record<string, string>>> = {
  fr: {
    siren: {
      format: "un SIREN a 9 chiffres",
      checksum: "la clé de contrôle est fausse (clé de Luhn)",
    },
    siret: {
      format: "un SIRET a 14 chiffres (le SIREN et 5 chiffres de plus)",
      siren_checksum: "le SIREN de ce SIRET (ses 9 premiers chiffres) n'est pas valide",
      checksum: "la clé de contrôle est fausse (clé de Luhn)",
    },
    vat: {
      vat_prefix: "un numéro de TVA français commence par FR",
      format: "un numéro de TVA français est FR, une clé de 2 chiffres et le SIREN (9 chiffres)",
      siren_checksum: "le SIREN de ce numéro de TVA n'est pas valide",
      vat_key: "la clé devrait être {key} pour le SIREN {siren}",
    },
  },
  en: {
    siren: {
      format: "a SIREN is 9 digits",
      checksum: "the check digit is wrong (Luhn key)",
    },
    siret: {
      format: "a SIRET is 14 digits (the SIREN and 5 more)",
      siren_checksum: "the SIREN in this SIRET (its first 9 digits) is not valid",
      checksum: "the check digit is wrong (Luhn key)",
    },
    vat: {
      vat_prefix: "a French VAT number starts with FR",
      format: "a French VAT number is FR, a 2-digit key and the 9-digit SIREN",
      siren_checksum: "the SIREN in this VAT number is not valid",
      vat_key: "the key should be {key} for SIREN {siren}",
    },
  },
};

const RULES = {
  fr: {
    siretNotSiren: "ne commence pas par le SIREN {siren}",
    vatNotSiren: "ce numéro de TVA est celui du SIREN {other}, pas de {siren}",
    vatAndFranchise:
      "choisissez l'un ou l'autre : un numéro de TVA, ou la franchise en base de TVA",
    registrationNeedsSiren: "l'immatriculation au RCS ou au RM porte le numéro SIREN : indiquez-le",
    postalCode: "un code postal français a 5 chiffres",
    country: "un code pays de 2 lettres (FR, BE...)",
    phone: "un numéro de téléphone a de 6 à 15 chiffres, avec + , espaces, points ou tirets",
    website: "une adresse web comme https://www.exemple.fr",
    email: "une adresse e-mail comme contact@exemple.fr",
    capital: "un montant positif ou nul",
  },
  en: {
    siretNotSiren: "does not start with the SIREN {siren}",
    vatNotSiren: "this VAT number belongs to SIREN {other}, not {siren}",
    vatAndFranchise: "choose one: a VAT number, or the VAT franchise",
    registrationNeedsSiren: "an RCS or RM registration carries the SIREN: fill it in",
    postalCode: "a French postal code is 5 digits",
    country: "a 2-letter country code (FR, BE...)",
    phone: "a phone number has 6 to 15 digits, with +, spaces, dots or dashes",
    website: "a web address such as https://www.example.com",
    email: "an e-mail address such as contact@example.com",
    capital: "an amount of zero or more",
  },
} as const;

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");

function problem(
  lang: Lang,
  kind: "siren" | "siret" | "vat",
  checked: Checked & { ok: false },
  input: string,
): string {
  const siren = compact(input).slice(4);
  const template = PROBLEMS[lang][kind][checked.code as IdentifierProblem] ?? checked.reason;
  return fill(template, { key: frenchVatKey(siren), siren });
}

const blank = (value: string | null | undefined): value is null | undefined | "" =>
  value === null || value === undefined || value.trim() === "";
const orNull = (value: string | null | undefined) => (blank(value) ? null : value.trim());

/** `www.example.fr` → `https://www.example.fr`; undefined when it is not a web address. */
export function normalizeWebsite(input: string): string | undefined {
  const withScheme = /^https?:\/\//i.test(input) ? input : `https://${input}`;
  try {
    const url = new URL(withScheme);
    if (!/^[\w-]+(\.[\w-]+)+$/.test(url.hostname) || url.username || url.password) return undefined;
    return url.href.replace(/\/$/, "");
  } catch {
    return undefined;
  }
}

/**
 * The identity to keep, or every field that is wrong (nothing is kept then).
 * @example checkIdentity({ legalName: "Cordonnerie Martin", siren: "443 061 842" }, "fr")
 * // { ok: false, errors: [{ field: "siren", message: "la clé de contrôle est fausse (clé de Luhn)" }] }
 */
export function checkIdentity(
  input: IdentityInput,
  lang: Lang,
): { ok: true; identity: OrganizationIdentity } | { ok: false; errors: IdentityError[] } {
  const R = RULES[lang];
  const errors: IdentityError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });

  let siren: string | null = null;
  if (!blank(input.siren)) {
    const checked = checkSiren(input.siren);
    if (checked.ok) siren = checked.value;
    else fail("siren", problem(lang, "siren", checked, input.siren));
  }
  let siret: string | null = null;
  if (!blank(input.siret)) {
    const checked = checkSiret(input.siret);
    if (!checked.ok) fail("siret", problem(lang, "siret", checked, input.siret));
    else if (siren !== null && !checked.value.startsWith(siren))
      fail("siret", fill(R.siretNotSiren, { siren }));
    else {
      siret = checked.value;
      // The SIREN is the SIRET's first 9 digits: no need to type it twice.
      if (blank(input.siren)) siren = siret.slice(0, 9);
    }
  }
  let vatNumber: string | null = null;
  const vatFranchise = input.vatFranchise === true;
  if (!blank(input.vatNumber)) {
    const checked = checkFrenchVat(input.vatNumber);
    if (!checked.ok) fail("vatNumber", problem(lang, "vat", checked, input.vatNumber));
    else if (vatFranchise) fail("vatFranchise", R.vatAndFranchise);
    else if (siren !== null && checked.value.slice(4) !== siren)
      fail("vatNumber", fill(R.vatNotSiren, { other: checked.value.slice(4), siren }));
    else vatNumber = checked.value;
  }
  const registration = input.registration ?? null;
  if (registration && siren === null && !errors.some((e) => e.field.startsWith("sir")))
    fail("registration", R.registrationNeedsSiren);

  let address: PostalAddress | null = null;
  if (input.address) {
    const country = input.address.country.trim().toUpperCase() || "FR";
    const postalCode = input.address.postalCode.replace(/\s/g, "");
    if (!/^[A-Z]{2}$/.test(country)) fail("address.country", R.country);
    if (country === "FR" && !/^\d{5}$/.test(postalCode)) fail("address.postalCode", R.postalCode);
    address = {
      street: input.address.street.trim(),
      postalCode,
      city: input.address.city.trim(),
      country,
    };
  }
  const phone = orNull(input.phone);
  if (phone !== null) {
    const digits = phone.replace(/\D/g, "").length;
    if (!/^\+?[\d\s.()-]+$/.test(phone) || digits < 6 || digits > 15) fail("phone", R.phone);
  }
  const email = orNull(input.email);
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail("email", R.email);
  let website = orNull(input.website);
  if (website !== null) {
    const normalized = normalizeWebsite(website);
    if (normalized === undefined) fail("website", R.website);
    else website = normalized;
  }
  const shareCapital = input.shareCapital ?? null;
  if (shareCapital !== null && !(Number.isInteger(shareCapital) && shareCapital >= 0))
    fail("shareCapital", R.capital);

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    identity: {
      legalName: input.legalName.trim(),
      legalForm: orNull(input.legalForm),
      address,
      siren,
      siret,
      vatNumber,
      vatFranchise,
      registration: registration && { kind: registration.kind, place: registration.place.trim() },
      shareCapital,
      email,
      phone,
      website,
    },
  };
}

/**
 * Filled enough for a receipt or an invoice: the legal name, the postal address, the SIREN,
 * and a VAT number or the VAT franchise. The first-steps checklist ticks it then.
 */
export function identityComplete(identity: OrganizationIdentity | null | undefined): boolean {
  if (!identity) return false;
  const a = identity.address;
  return Boolean(
    identity.legalName &&
      a?.street &&
      a.postalCode &&
      a.city &&
      identity.siren &&
      (identity.vatNumber || identity.vatFranchise),
  );
}

/** An identity with the name alone (a logo set before the rest is filled in). */
export function identityNamed(legalName: string): OrganizationIdentity {
  return {
    legalName,
    legalForm: null,
    address: null,
    siren: null,
    siret: null,
    vatNumber: null,
    vatFranchise: false,
    registration: null,
    shareCapital: null,
    email: null,
    phone: null,
    website: null,
  };
}
