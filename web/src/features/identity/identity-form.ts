/**
 * The identity form's values (all text, as typed), the body they make for the API, the fields
 * a person must fill before sending, and the API's refusal split back into its fields.
 */
import type { Identity, IdentityBody } from "../../../../src/http/routes/identity/contract.ts";
import { ApiError } from "../../api/api-client.ts";

export interface IdentityValues {
  legalName: string;
  legalForm: string;
  shareCapital: number | "";
  street: string;
  postalCode: string;
  city: string;
  country: string;
  siren: string;
  siret: string;
  registrationKind: "" | "rcs" | "rm";
  registrationPlace: string;
  vatMode: "" | "number" | "franchise";
  vatNumber: string;
  email: string;
  phone: string;
  website: string;
}

export function valuesOf(identity: Identity | null, orgName: string): IdentityValues {
  const i = identity;
  return {
    legalName: i?.legalName ?? orgName,
    legalForm: i?.legalForm ?? "",
    shareCapital: i?.shareCapital ?? "",
    street: i?.address?.street ?? "",
    postalCode: i?.address?.postalCode ?? "",
    city: i?.address?.city ?? "",
    country: i?.address?.country ?? "FR",
    siren: i?.siren ?? "",
    siret: i?.siret ?? "",
    registrationKind: i?.registration?.kind ?? "",
    registrationPlace: i?.registration?.place ?? "",
    vatMode: i?.vatFranchise ? "franchise" : i?.vatNumber ? "number" : "",
    vatNumber: i?.vatNumber ?? "",
    email: i?.email ?? "",
    phone: i?.phone ?? "",
    website: i?.website ?? "",
  };
}

const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

export function bodyOf(v: IdentityValues): IdentityBody {
  const anyAddress = [v.street, v.postalCode, v.city].some((x) => x.trim() !== "");
  return {
    legalName: v.legalName.trim(),
    legalForm: orNull(v.legalForm),
    shareCapital: v.shareCapital === "" ? null : v.shareCapital,
    address: anyAddress
      ? {
          street: v.street.trim(),
          postalCode: v.postalCode.trim(),
          city: v.city.trim(),
          country: v.country.trim() || "FR",
        }
      : null,
    siren: orNull(v.siren),
    siret: orNull(v.siret),
    vatNumber: v.vatMode === "number" ? orNull(v.vatNumber) : null,
    vatFranchise: v.vatMode === "franchise",
    registration: v.registrationKind
      ? { kind: v.registrationKind, place: v.registrationPlace.trim() }
      : null,
    email: orNull(v.email),
    phone: orNull(v.phone),
    website: orNull(v.website),
  };
}

/** The API's field names of the fields left empty that must not be. */
export function missingFields(v: IdentityValues): string[] {
  const missing: string[] = [];
  if (!v.legalName.trim()) missing.push("legalName");
  const address = { street: v.street, postalCode: v.postalCode, city: v.city };
  if (Object.values(address).some((x) => x.trim() !== "")) {
    for (const [key, value] of Object.entries(address))
      if (!value.trim()) missing.push(`address.${key}`);
  }
  if (v.registrationKind && !v.registrationPlace.trim()) missing.push("registration.place");
  if (v.vatMode === "number" && !v.vatNumber.trim()) missing.push("vatNumber");
  return missing;
}

/**
 * `siren: la clé…\nemail: une adresse…` → `{siren: "la clé…", email: "une adresse…"}`; a
 * refusal that names no field is under "".
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== "BAD_INPUT") return {};
  const errors: Record<string, string> = {};
  for (const line of error.message.split(/\n|; /)) {
    const match = /^([\w.[\]-]+): (.*)$/.exec(line);
    if (match) errors[match[1]] ??= match[2];
    else errors[""] ??= line;
  }
  if (error.field && !errors[error.field]) errors[error.field] = error.message;
  return errors;
}
