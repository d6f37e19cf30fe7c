import { describe, expect, it } from "vitest";
import { type ReminderLetter, renderReminderLetterPdf } from "./render-reminder-letter-pdf.ts";
import { SELLER } from "./test-documents.ts";
import { pdfAttachments, pdfFlatText, pdfFonts, pdfXmp } from "./test-pdf-tools.ts";

const letter = (overrides: Partial<ReminderLetter> = {}): ReminderLetter => ({
  level: 1,
  lang: "fr",
  date: "2027-01-13",
  currency: "EUR",
  seller: SELLER,
  recipient: {
    name: "Atelier Dupont & Fils",
    kind: "business",
    address: { street: "3 place du Marché", postalCode: "69002", city: "Lyon", country: "FR" },
    country: "FR",
  },
  invoices: [
    {
      number: "2026-0042",
      issueDate: "2026-12-07",
      dueDate: "2027-01-06",
      amountMinor: 11921,
      balanceMinor: 8921,
    },
  ],
  body: "Bonjour,\n\nSauf erreur de notre part, la facture ci-dessous reste à régler.\n\nCordialement,",
  paymentTerms: {
    latePenaltyRate: "taux BCE + 10 points",
    recoveryFeeMinor: 4000,
    earlyPaymentDiscount: "pas d'escompte",
  },
  ...overrides,
});

describe("reminder letter PDF", () => {
  it("a friendly reminder names the shop, the customer, the invoice and what remains due", async () => {
    const pdf = await renderReminderLetterPdf(letter());
    const text = pdfFlatText(pdf);
    for (const part of [
      "Cordonnerie Martin",
      "SIRET 443 061 841 00047 · RCS Paris 443 061 841",
      "Atelier Dupont & Fils 3 place du Marché 69002 Lyon",
      "Paris, le 13 janvier 2027",
      "Objet : Rappel : facture arrivée à échéance",
      "Sauf erreur de notre part, la facture ci-dessous reste à régler.",
      "2026-0042 7 décembre 2026 6 janvier 2027 119,21 € 89,21 €",
      "Total restant dû 89,21 €",
    ])
      expect(text).toContain(part);
    // A friendly reminder does not threaten.
    expect(text).not.toContain("Pénalités");
    expect(pdfAttachments(pdf)).toEqual([]);
    for (const font of pdfFonts(pdf)) expect(font.embedded).toBe(true);
    expect(pdfXmp(pdf)).toContain("<pdfaid:part>3</pdfaid:part>");
  });

  it("the firm reminder and the formal notice state the penalties and the 40 € fee to a business", async () => {
    for (const level of [2, 3] as const) {
      const text = pdfFlatText(await renderReminderLetterPdf(letter({ level })));
      expect(text).toContain(
        level === 2 ? "Relance : facture impayée" : "Mise en demeure de payer",
      );
      expect(text).toContain("Pénalités de retard : taux BCE + 10 points");
      expect(text).toContain(
        "Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40,00 €",
      );
    }
  });

  it("a person is not told of business penalties, even in a formal notice", async () => {
    const text = pdfFlatText(
      await renderReminderLetterPdf(
        letter({
          level: 3,
          recipient: { name: "Claire Petit", kind: "person", address: null, country: "FR" },
        }),
      ),
    );
    expect(text).toContain("Mise en demeure de payer");
    expect(text).not.toContain("Pénalités");
    expect(text).not.toContain("Indemnité forfaitaire");
  });

  it("in English, with the country named and the French legal wording kept", async () => {
    const text = pdfFlatText(
      await renderReminderLetterPdf(
        letter({
          lang: "en",
          level: 3,
          body: "Dear customer,\n\nThe invoice below is still unpaid.",
          recipient: {
            name: "Schuhwerk GmbH",
            kind: "business",
            address: {
              street: "Hauptstraße 5",
              postalCode: "10115",
              city: "Berlin",
              country: "DE",
            },
            country: "DE",
          },
        }),
      ),
    );
    expect(text).toContain("Germany");
    expect(text).toContain("Paris, 13 January 2027");
    expect(text).toContain("Subject: Formal notice to pay (mise en demeure)");
    expect(text).toContain("2026-0042 7 December 2026 6 January 2027 €119.21 €89.21");
    expect(text).toContain(
      "Late-payment penalties: ECB rate + 10 points (Pénalités de retard : taux BCE + 10 points)",
    );
  });
});
