import { describe, expect, it } from "vitest";
import {
  checkFrenchVat,
  checkSiren,
  checkSiret,
  compact,
  frenchVatKey,
  luhnValid,
} from "./business-identifiers.ts";

describe("SIREN", () => {
  it.each([
    ["443 061 841", { ok: true, value: "443061841" }],
    ["732.829.320", { ok: true, value: "732829320" }],
    ["356000000", { ok: true, value: "356000000" }],
    [
      "443061842",
      { ok: false, code: "checksum", reason: "this SIREN's check digit is wrong (Luhn key)" },
    ],
    ["44306184", { ok: false, code: "format", reason: "a SIREN is 9 digits" }],
    ["44306184A", { ok: false, code: "format", reason: "a SIREN is 9 digits" }],
  ])("%s", (input, expected) => {
    expect(checkSiren(input)).toEqual(expected);
  });
});

describe("SIRET", () => {
  it.each([
    ["443 061 841 00047", { ok: true, value: "44306184100047" }],
    ["73282932000074", { ok: true, value: "73282932000074" }],
    // La Poste's establishments: digits adding up to a multiple of 5, not Luhn.
    ["356 000 000 49837", { ok: true, value: "35600000049837" }],
    // La Poste's head office follows Luhn like everyone.
    ["35600000000048", { ok: true, value: "35600000000048" }],
    [
      "35600000049838",
      { ok: false, code: "checksum", reason: "this SIRET's check digit is wrong (Luhn key)" },
    ],
    [
      "44306184100048",
      { ok: false, code: "checksum", reason: "this SIRET's check digit is wrong (Luhn key)" },
    ],
    [
      "44306184200047",
      {
        ok: false,
        code: "siren_checksum",
        reason: "the SIREN in this SIRET (its first 9 digits) is not valid",
      },
    ],
    [
      "4430618410004",
      { ok: false, code: "format", reason: "a SIRET is 14 digits (the SIREN and 5 more)" },
    ],
  ])("%s", (input, expected) => {
    expect(checkSiret(input)).toEqual(expected);
  });

  it("La Poste's rule is not Luhn: its valid establishment fails Luhn", () => {
    expect(luhnValid("35600000049837")).toBe(false);
  });
});

describe("French VAT number", () => {
  it("has the key (12 + 3 x (SIREN mod 97)) mod 97, on two digits", () => {
    expect(frenchVatKey("443061841")).toBe("64");
    expect(frenchVatKey("356000000")).toBe("39");
    expect(frenchVatKey("000000002")).toBe("18");
    // A key under 10 keeps its leading zero: (12 + 90) mod 97 = 5.
    expect(frenchVatKey("000000030")).toBe("05");
  });

  it.each([
    ["FR 64 443 061 841", { ok: true, value: "FR64443061841" }],
    ["fr44732829320", { ok: true, value: "FR44732829320" }],
    [
      "FR65443061841",
      {
        ok: false,
        code: "vat_key",
        reason: "the key of this VAT number should be 64 for SIREN 443061841",
      },
    ],
    [
      "DE64443061841",
      { ok: false, code: "vat_prefix", reason: "a French VAT number starts with FR" },
    ],
    [
      "FR6444306184",
      {
        ok: false,
        code: "format",
        reason: "a French VAT number is FR, a 2-digit key and the 9-digit SIREN",
      },
    ],
    [
      "FR64443061842",
      { ok: false, code: "siren_checksum", reason: "the SIREN in this VAT number is not valid" },
    ],
  ])("%s", (input, expected) => {
    expect(checkFrenchVat(input)).toEqual(expected);
  });
});

describe("compact", () => {
  it("drops spaces, dots and hyphens, and upper-cases", () => {
    expect(compact(" fr 64-443.061 841 ")).toBe("FR64443061841");
  });
});
