/**
 * Documents for the tests: a French SARL selling to a French business, and the variations
 * each legal case needs (franchise, reverse charge, export, a person, English).
 * @example buildInvoiceDocument({ kind: "credit_note", references: { correctedInvoice: { number: "2026-0001" } } })
 */
import type { InvoiceDocument } from "../../domain/invoicing/invoice-document.ts";
import type { OrganizationIdentity } from "../../domain/organization-identity.ts";

export const SELLER: OrganizationIdentity = {
  legalName: "Cordonnerie Martin",
  legalForm: "SARL",
  address: { street: "12 rue des Lilas", postalCode: "75011", city: "Paris", country: "FR" },
  siren: "443061841",
  siret: "44306184100047",
  vatNumber: "FR44443061841",
  vatFranchise: false,
  registration: { kind: "rcs", place: "Paris" },
  shareCapital: 500000,
  email: "contact@cordonnerie-martin.fr",
  phone: "01 23 45 67 89",
  website: null,
};

export function buildInvoiceDocument(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  return {
    kind: "invoice",
    series: "2026",
    number: "2026-0042",
    issueDate: "2026-12-07",
    service: { date: "2026-12-01" },
    dueDate: "2027-01-06",
    currency: "EUR",
    lang: "fr",
    seller: SELLER,
    buyer: {
      name: "Atelier Dupont & Fils",
      kind: "business",
      address: { street: "3 place du Marché", postalCode: "69002", city: "Lyon", country: "FR" },
      country: "FR",
      siren: "552100554",
      vatNumber: "FR40552100554",
      email: "compta@dupont.fr",
    },
    lines: [
      {
        description: "Ressemelage cuir, talons et patins",
        quantity: 2,
        unitPriceMinor: 4550,
        vatRate: 20,
        nature: "services",
      },
      {
        description: "Lacets cirés",
        quantity: 3,
        unitPriceMinor: 333,
        vatRate: 5.5,
        discountMinor: 50,
        nature: "goods",
      },
    ],
    references: { orders: ["cmd-118"] },
    vatExemption: null,
    paymentTerms: {
      latePenaltyRate: "taux BCE + 10 points",
      recoveryFeeMinor: 4000,
      earlyPaymentDiscount: "pas d'escompte",
    },
    ...overrides,
  };
}
