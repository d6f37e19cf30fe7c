/** Every word the invoice, credit note and quote pages print, in French and English. */
import type { DocumentKind } from "../../domain/invoicing/invoice-document.ts";
import type { Lang } from "../../domain/organization-identity.ts";

export const TITLES: Record<Lang, Record<DocumentKind, string>> = {
  fr: { invoice: "Facture", deposit: "Facture d'acompte", credit_note: "Avoir", quote: "Devis" },
  en: {
    invoice: "Invoice",
    deposit: "Deposit invoice",
    credit_note: "Credit note",
    quote: "Quote",
  },
};

export const LABELS = {
  fr: {
    /** Between a label and its value: French puts a space before the colon. */
    colon: " : ",
    number: "n°",
    issueDate: "Date d'émission",
    quoteDate: "Date du devis",
    serviceDate: {
      goods: "Date de la livraison",
      services: "Date de la prestation",
      both: "Date de la livraison et de la prestation",
    },
    period: (start: string, end: string) => `du ${start} au ${end}`,
    servicePeriod: "Période de la prestation",
    dueDate: "Date d'échéance",
    validUntil: "Devis valable jusqu'au",
    customer: "Client",
    siren: "SIREN",
    vatNumber: "N° TVA intracommunautaire",
    orders: "Commande",
    corrects: (number: string, date: string | null) =>
      `Avoir rectifiant la facture n° ${number}${date ? ` du ${date}` : ""}`,
    description: "Désignation",
    quantity: "Qté",
    unitPrice: "PU HT",
    discount: "Remise",
    vat: "TVA",
    lineTotal: "Total HT",
    totalExclVat: "Total HT",
    vatOn: (rate: string, base: string) => `TVA ${rate} sur ${base}`,
    noVat: "TVA",
    totalInclVat: "Total TTC",
    deposit: (number: string, date: string | null) =>
      `Acompte déjà versé, facture n° ${number}${date ? ` du ${date}` : ""}`,
    amountDue: "Net à payer",
    creditTotal: "Montant de l'avoir TTC",
    conditions: "Conditions et mentions légales",
    notes: "Remarques",
    acceptance: "Bon pour accord",
    acceptanceHint:
      "Date, signature et cachet du client, précédés de la mention manuscrite « Bon pour accord »",
  },
  en: {
    colon: ": ",
    number: "no.",
    issueDate: "Issue date",
    quoteDate: "Quote date",
    serviceDate: {
      goods: "Delivery date",
      services: "Service date",
      both: "Delivery and service date",
    },
    period: (start: string, end: string) => `from ${start} to ${end}`,
    servicePeriod: "Service period",
    dueDate: "Due date",
    validUntil: "Quote valid until",
    customer: "Customer",
    siren: "SIREN",
    vatNumber: "VAT number",
    orders: "Order",
    corrects: (number: string, date: string | null) =>
      `Credit note correcting invoice no. ${number}${date ? ` of ${date}` : ""}`,
    description: "Description",
    quantity: "Qty",
    unitPrice: "Unit price excl. VAT",
    discount: "Discount",
    vat: "VAT",
    lineTotal: "Total excl. VAT",
    totalExclVat: "Total excl. VAT",
    vatOn: (rate: string, base: string) => `VAT ${rate} on ${base}`,
    noVat: "VAT",
    totalInclVat: "Total incl. VAT",
    deposit: (number: string, date: string | null) =>
      `Deposit already paid, invoice no. ${number}${date ? ` of ${date}` : ""}`,
    amountDue: "Amount due",
    creditTotal: "Credit note total incl. VAT",
    conditions: "Terms and legal mentions",
    notes: "Notes",
    acceptance: "Accepted (Bon pour accord)",
    acceptanceHint:
      "Date, signature and stamp of the customer, preceded by the handwritten words “Bon pour accord”",
  },
} as const;
