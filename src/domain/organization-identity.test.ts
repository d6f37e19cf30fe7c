import { describe, expect, it } from "vitest";
import { VAT_FRANCHISE_MENTION } from "./business-identifiers.ts";
import { letterheadText, spacedSiren } from "./letterhead.ts";
import {
  checkIdentity,
  type IdentityInput,
  identityComplete,
  normalizeWebsite,
  type OrganizationIdentity,
} from "./organization-identity.ts";

const base: IdentityInput = { legalName: "Cordonnerie Martin" };

function errorsOf(input: Partial<IdentityInput>, lang: "fr" | "en" = "fr") {
  const result = checkIdentity({ ...base, ...input }, lang);
  return result.ok ? [] : result.errors;
}

function identityOf(input: Partial<IdentityInput>): OrganizationIdentity {
  const result = checkIdentity({ ...base, ...input }, "fr");
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.identity;
}

describe("checkIdentity: one row per rule, with the field and its message", () => {
  it.each<[string, Partial<IdentityInput>, "fr" | "en", string, string]>([
    ["SIREN of 8 digits", { siren: "44306184" }, "fr", "siren", "un SIREN a 9 chiffres"],
    [
      "SIREN with a wrong key",
      { siren: "443 061 842" },
      "fr",
      "siren",
      "la clé de contrôle est fausse (clé de Luhn)",
    ],
    [
      "SIREN with a wrong key, in English",
      { siren: "443061842" },
      "en",
      "siren",
      "the check digit is wrong (Luhn key)",
    ],
    [
      "SIRET of 13 digits",
      { siret: "4430618410004" },
      "fr",
      "siret",
      "un SIRET a 14 chiffres (le SIREN et 5 chiffres de plus)",
    ],
    [
      "SIRET with a wrong key",
      { siret: "44306184100048" },
      "fr",
      "siret",
      "la clé de contrôle est fausse (clé de Luhn)",
    ],
    [
      "SIRET whose SIREN is wrong",
      { siret: "44306184200047" },
      "fr",
      "siret",
      "le SIREN de ce SIRET (ses 9 premiers chiffres) n'est pas valide",
    ],
    [
      "SIRET of another SIREN",
      { siren: "732829320", siret: "44306184100047" },
      "fr",
      "siret",
      "ne commence pas par le SIREN 732829320",
    ],
    [
      "La Poste's establishment whose digits do not add up to a multiple of 5",
      { siret: "35600000000055" },
      "fr",
      "siret",
      "la clé de contrôle est fausse (clé de Luhn)",
    ],
    [
      "VAT number without FR",
      { vatNumber: "DE64443061841" },
      "fr",
      "vatNumber",
      "un numéro de TVA français commence par FR",
    ],
    [
      "VAT number too short",
      { vatNumber: "FR6444306184" },
      "fr",
      "vatNumber",
      "un numéro de TVA français est FR, une clé de 2 chiffres et le SIREN (9 chiffres)",
    ],
    [
      "VAT number with a wrong key",
      { vatNumber: "FR65 443 061 841" },
      "fr",
      "vatNumber",
      "la clé devrait être 64 pour le SIREN 443061841",
    ],
    [
      "VAT number with a wrong key, in English",
      { vatNumber: "FR65443061841" },
      "en",
      "vatNumber",
      "the key should be 64 for SIREN 443061841",
    ],
    [
      "VAT number of another SIREN",
      { siren: "732829320", vatNumber: "FR64443061841" },
      "fr",
      "vatNumber",
      "ce numéro de TVA est celui du SIREN 443061841, pas de 732829320",
    ],
    [
      "VAT number and franchise both",
      { vatNumber: "FR64443061841", vatFranchise: true },
      "fr",
      "vatFranchise",
      "choisissez l'un ou l'autre : un numéro de TVA, ou la franchise en base de TVA",
    ],
    [
      "registration without a SIREN",
      { registration: { kind: "rcs", place: "Paris" } },
      "fr",
      "registration",
      "l'immatriculation au RCS ou au RM porte le numéro SIREN : indiquez-le",
    ],
    [
      "French postal code of 4 digits",
      { address: { street: "1 rue X", postalCode: "7501", city: "Paris", country: "FR" } },
      "fr",
      "address.postalCode",
      "un code postal français a 5 chiffres",
    ],
    [
      "country of 3 letters",
      { address: { street: "1 rue X", postalCode: "1000", city: "Bruxelles", country: "BEL" } },
      "fr",
      "address.country",
      "un code pays de 2 lettres (FR, BE...)",
    ],
    [
      "phone with letters",
      { phone: "01 23 AB" },
      "fr",
      "phone",
      "un numéro de téléphone a de 6 à 15 chiffres, avec + , espaces, points ou tirets",
    ],
    [
      "e-mail without a domain",
      { email: "contact@" },
      "fr",
      "email",
      "une adresse e-mail comme contact@exemple.fr",
    ],
    [
      "website without a dot",
      { website: "localhost" },
      "fr",
      "website",
      "une adresse web comme https://www.exemple.fr",
    ],
    [
      "negative share capital",
      { shareCapital: -100 },
      "en",
      "shareCapital",
      "an amount of zero or more",
    ],
  ])("refuses %s", (_name, input, lang, field, message) => {
    expect(errorsOf(input, lang)).toEqual([{ field, message }]);
  });

  it("lists every wrong field at once", () => {
    expect(errorsOf({ siren: "1", email: "x", website: "y" }).map((e) => e.field)).toEqual([
      "siren",
      "email",
      "website",
    ]);
  });

  it("keeps the identifiers compact and the SIREN taken from the SIRET", () => {
    const identity = identityOf({
      siret: "443 061 841 00047",
      vatNumber: "fr 64 443 061 841",
      website: "www.martin.fr",
      address: { street: " 3 rue Oberkampf ", postalCode: "75 011", city: "Paris", country: "fr" },
    });
    expect(identity).toMatchObject({
      siren: "443061841",
      siret: "44306184100047",
      vatNumber: "FR64443061841",
      website: "https://www.martin.fr",
      address: { street: "3 rue Oberkampf", postalCode: "75011", city: "Paris", country: "FR" },
    });
  });

  it("accepts La Poste's establishments, whose digits add up to a multiple of 5", () => {
    expect(identityOf({ siret: "35600000000001" }).siret).toBe("35600000000001");
    expect(identityOf({ siret: "35600000000048" }).siret).toBe("35600000000048");
  });

  it("accepts a foreign postal code outside France", () => {
    expect(
      identityOf({
        address: { street: "Rue Neuve 1", postalCode: "1000", city: "Bruxelles", country: "BE" },
      }).address?.country,
    ).toBe("BE");
  });
});

describe("identityComplete", () => {
  const address = { street: "3 rue Oberkampf", postalCode: "75011", city: "Paris", country: "FR" };
  it.each<[string, Partial<IdentityInput>, boolean]>([
    ["name only", {}, false],
    ["no VAT choice", { address, siren: "443061841" }, false],
    ["no address", { siren: "443061841", vatFranchise: true }, false],
    ["franchise", { address, siren: "443061841", vatFranchise: true }, true],
    ["VAT number", { address, siret: "44306184100047", vatNumber: "FR64443061841" }, true],
  ])("%s: %s", (_name, input, expected) => {
    expect(identityComplete(identityOf(input))).toBe(expected);
  });
  it("is false without a record", () => expect(identityComplete(null)).toBe(false));
});

describe("letterheadText", () => {
  it("puts the legal form, capital, address and contact under the name, registration and VAT at the foot", () => {
    const identity = identityOf({
      legalName: "Martin et Fils",
      legalForm: "SARL",
      shareCapital: 500_000,
      address: { street: "3 rue Oberkampf", postalCode: "75011", city: "Paris", country: "FR" },
      siret: "44306184100047",
      registration: { kind: "rcs", place: "Paris" },
      vatNumber: "FR64443061841",
      phone: "01 23 45 67 89",
      email: "atelier@martin.fr",
      website: "https://martin.fr",
    });
    const text = letterheadText("Cordonnerie Martin", identity, "EUR", "fr");
    expect(text.name).toBe("Cordonnerie Martin");
    expect(text.lines).toEqual([
      "Martin et Fils, SARL au capital de 5\u202f000\u00a0€",
      "3 rue Oberkampf",
      "75011 Paris",
      "Tél. 01 23 45 67 89 · atelier@martin.fr · martin.fr",
    ]);
    expect(text.legal).toEqual([
      "SIRET 443 061 841 00047 · RCS Paris 443 061 841",
      "N° TVA intracommunautaire FR64443061841",
    ]);
  });

  it("prints the franchise mention instead of a VAT number", () => {
    const identity = identityOf({ siren: "443061841", vatFranchise: true });
    expect(letterheadText("Chez Martin", identity, "EUR", "en").legal).toEqual([
      "SIREN 443 061 841",
      VAT_FRANCHISE_MENTION,
    ]);
  });

  it("is the name alone without an identity", () => {
    expect(letterheadText("Chez Martin", null, "EUR", "fr")).toEqual({
      name: "Chez Martin",
      lines: [],
      legal: [],
    });
  });

  it("spaces SIREN and SIRET as they are printed", () => {
    expect(spacedSiren("443061841")).toBe("443 061 841");
    expect(spacedSiren("44306184100047")).toBe("443 061 841 00047");
  });

  it("normalizes web addresses", () => {
    expect(normalizeWebsite("martin.fr/atelier")).toBe("https://martin.fr/atelier");
    expect(normalizeWebsite("http://martin.fr")).toBe("http://martin.fr");
    expect(normalizeWebsite("not a site")).toBeUndefined();
  });
});
