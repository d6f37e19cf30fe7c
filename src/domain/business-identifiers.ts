/**
 * French business identifiers, as an organization's identity and a business customer's record
 * carry them (issue 14): SIREN (9 digits), SIRET (14: the SIREN and an establishment number)
 * and the intra-Community VAT number (FR, a 2-digit key, the SIREN). Each check returns the
 * number in its compact form, or why it is not one, with a code the web app can translate.
 */

export type IdentifierProblem = "format" | "checksum" | "siren_checksum" | "vat_prefix" | "vat_key";

export type Checked =
  | { ok: true; value: string }
  | { ok: false; code: IdentifierProblem; reason: string };

/** Without the spaces, dots and hyphens people write in them. */
export function compact(input: string): string {
  return input.replace(/[\s.-]/g, "").toUpperCase();
}

/** The Luhn checksum both SIREN and SIRET use. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const fail = (code: IdentifierProblem, reason: string): Checked => ({ ok: false, code, reason });

/** @example checkSiren("443 061 841") // { ok: true, value: "443061841" } */
export function checkSiren(input: string): Checked {
  const value = compact(input);
  if (!/^\d{9}$/.test(value)) return fail("format", "a SIREN is 9 digits");
  if (!luhnValid(value)) return fail("checksum", "this SIREN's check digit is wrong (Luhn key)");
  return { ok: true, value };
}

/** La Poste's SIREN: its establishments' SIRET use another key (see checkSiret). */
const LA_POSTE = "356000000";
const LA_POSTE_HEAD_OFFICE = "35600000000048";

/**
 * A SIRET: a valid SIREN and the whole number Luhn-valid, except La Poste's establishments
 * (SIREN 356000000, head office apart), whose digits add up to a multiple of 5 instead.
 * @example checkSiret("443 061 841 00047") // { ok: true, value: "44306184100047" }
 */
export function checkSiret(input: string): Checked {
  const value = compact(input);
  if (!/^\d{14}$/.test(value)) return fail("format", "a SIRET is 14 digits (the SIREN and 5 more)");
  if (!checkSiren(value.slice(0, 9)).ok) {
    return fail("siren_checksum", "the SIREN in this SIRET (its first 9 digits) is not valid");
  }
  const valid =
    value.startsWith(LA_POSTE) && value !== LA_POSTE_HEAD_OFFICE
      ? [...value].reduce((sum, d) => sum + Number(d), 0) % 5 === 0
      : luhnValid(value);
  return valid
    ? { ok: true, value }
    : fail("checksum", "this SIRET's check digit is wrong (Luhn key)");
}

/** The key of a French VAT number: (12 + 3 × (SIREN mod 97)) mod 97, on two digits. */
export function frenchVatKey(siren: string): string {
  return String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, "0");
}

/**
 * A French intra-Community VAT number: FR, the key, a valid SIREN.
 * @example checkFrenchVat("FR 64 443 061 841") // { ok: true, value: "FR64443061841" }
 */
export function checkFrenchVat(input: string): Checked {
  const value = compact(input);
  if (!value.startsWith("FR")) return fail("vat_prefix", "a French VAT number starts with FR");
  if (!/^FR\d{11}$/.test(value)) {
    return fail("format", "a French VAT number is FR, a 2-digit key and the 9-digit SIREN");
  }
  const siren = value.slice(4);
  if (!checkSiren(siren).ok)
    return fail("siren_checksum", "the SIREN in this VAT number is not valid");
  const key = frenchVatKey(siren);
  if (value.slice(2, 4) !== key) {
    return fail("vat_key", `the key of this VAT number should be ${key} for SIREN ${siren}`);
  }
  return { ok: true, value };
}

/** The mention an organization under the VAT franchise puts on its documents. */
export const VAT_FRANCHISE_MENTION = "TVA non applicable, art. 293 B du CGI";
