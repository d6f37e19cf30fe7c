import { describe, expect, it } from "vitest";
import {
  documentNature,
  dueDateFor,
  exemptionFor,
  formatNumber,
  paymentTermsFor,
  vatCategory,
  vatExemptionText,
} from "./invoice-document.ts";

const fr = {
  vatFranchise: false,
  address: { street: "1 rue", postalCode: "75001", city: "Paris", country: "FR" },
};

describe("invoice document rules", () => {
  it("formats numbers with their series", () => {
    expect(formatNumber("2026", 1)).toBe("2026-0001");
    expect(formatNumber("AV-2026", 12345)).toBe("AV-2026-12345");
  });

  it("caps the due date at 60 days", () => {
    expect(dueDateFor("2026-12-07", 30)).toBe("2027-01-06");
    expect(dueDateFor("2026-12-07", 90)).toBe("2027-02-05");
    expect(dueDateFor("2026-12-07", 0)).toBe("2026-12-07");
  });

  it("finds the VAT exemption case from seller and buyer", () => {
    const business = { kind: "business" as const, vatNumber: "DE123456789" };
    expect(exemptionFor({ ...fr, vatFranchise: true }, { ...business, country: "DE" })).toBe(
      "franchise",
    );
    expect(exemptionFor(fr, { ...business, country: "DE" })).toBe("reverse_charge");
    expect(exemptionFor(fr, { kind: "person", vatNumber: null, country: "DE" })).toBeNull();
    expect(exemptionFor(fr, { ...business, country: "CH" })).toBe("export");
    expect(exemptionFor(fr, { ...business, country: "FR" })).toBeNull();
    expect(vatExemptionText("franchise", "fr")).toBe("TVA non applicable, art. 293 B du CGI");
    expect(vatCategory(null, 20)).toBe("S");
    expect(vatCategory(null, 0)).toBe("Z");
    expect(vatCategory("reverse_charge", 20)).toBe("AE");
  });

  it("states payment terms, the 40 EUR fee for businesses only", () => {
    expect(paymentTermsFor("business", { currency: "EUR" })).toEqual({
      latePenaltyRate: "taux BCE + 10 points",
      recoveryFeeMinor: 4000,
      earlyPaymentDiscount: "pas d'escompte",
    });
    expect(
      paymentTermsFor("person", { currency: "EUR", latePenaltyRate: "3 fois le taux légal" }),
    ).toEqual({
      latePenaltyRate: "3 fois le taux légal",
      recoveryFeeMinor: null,
      earlyPaymentDiscount: "pas d'escompte",
    });
  });

  it("says goods, services or both", () => {
    expect(documentNature([{ nature: "goods" }, { nature: "services" }])).toBe("both");
    expect(documentNature([{ nature: "goods" }])).toBe("goods");
  });
});
