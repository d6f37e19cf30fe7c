/**
 * The mentions French law asks of an invoice, a credit note and a quote, as lines of text in the
 * document's language. An English document keeps the French wording of each legal mention next
 * to its translation, since the French text is the one the law names. Every mention has a key,
 * so that the tests can list them and find each one on the printed page.
 * @example legalMentions(doc, totals).find((m) => m.key === "late_penalties")?.text
 * // "Pénalités de retard : taux BCE + 10 points"
 */
import {
  DEFAULT_EARLY_PAYMENT_DISCOUNT,
  DEFAULT_LATE_PENALTY_RATE,
  documentNature,
  EXPORT_TEXT,
  type InvoiceDocument,
  type PaymentTerms,
  REVERSE_CHARGE_TEXT,
  VAT_FRANCHISE_TEXT,
} from "../../domain/invoicing/invoice-document.ts";
import type { Lang } from "../../domain/organization-identity.ts";
import { documentFormat } from "./document-format.ts";

export type MentionKey =
  | "nature"
  | "vat_exemption"
  | "buyer_vat"
  | "late_penalties"
  | "recovery_fee"
  | "early_payment_discount";

export interface Mention {
  key: MentionKey;
  /** The line as printed. */
  text: string;
  /** The French line alone: what the Factur-X notes carry (PMD, PMT, AAB). */
  french: string;
}

const NATURE = {
  fr: {
    goods: "livraison de biens",
    services: "prestation de services",
    both: "livraison de biens et prestation de services",
  },
  en: {
    goods: "supply of goods",
    services: "supply of services",
    both: "supply of goods and services",
  },
} as const;

const T = {
  fr: {
    nature: (n: string) => `Nature de l'opération : ${n}`,
    buyerVat: (v: string) => `N° TVA intracommunautaire du client : ${v}`,
    penalties: (rate: string) => `Pénalités de retard : ${rate}`,
    fee: (amount: string) =>
      `Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : ${amount} (art. L441-10 et D441-5 du Code de commerce)`,
    discount: (terms: string) => `Escompte pour paiement anticipé : ${terms}`,
  },
  en: {
    nature: (n: string) => `Nature of the transaction: ${n}`,
    buyerVat: (v: string) => `Customer's VAT number: ${v}`,
    penalties: (rate: string) => `Late-payment penalties: ${rate}`,
    fee: (amount: string) =>
      `Fixed compensation for recovery costs in case of late payment: ${amount} (French Commercial Code, art. L441-10 and D441-5)`,
    discount: (terms: string) => `Early-payment discount: ${terms}`,
  },
} as const;

/** The default French phrases, said in English for an English document. */
const ENGLISH_DEFAULTS: Record<string, string> = {
  [DEFAULT_LATE_PENALTY_RATE]: "ECB rate + 10 points",
  [DEFAULT_EARLY_PAYMENT_DISCOUNT]: "none",
};

/** Every mention the document carries, in the order the page prints them. */
export function legalMentions(doc: InvoiceDocument): Mention[] {
  const lang: Lang = doc.lang;
  const mentions: Mention[] = [];
  const add = (key: MentionKey, french: string, english: string) =>
    mentions.push({
      key,
      french,
      text: lang === "fr" || english === french ? french : `${english} (${french})`,
    });
  const nature = documentNature(doc.lines);
  add("nature", T.fr.nature(NATURE.fr[nature]), T.en.nature(NATURE.en[nature]));
  if (doc.vatExemption === "franchise")
    add("vat_exemption", VAT_FRANCHISE_TEXT.fr, VAT_FRANCHISE_TEXT.en);
  if (doc.vatExemption === "reverse_charge")
    add("vat_exemption", REVERSE_CHARGE_TEXT.fr, REVERSE_CHARGE_TEXT.en);
  if (doc.vatExemption === "export") add("vat_exemption", EXPORT_TEXT.fr, EXPORT_TEXT.en);
  if (doc.buyer.kind === "business" && doc.buyer.vatNumber)
    add("buyer_vat", T.fr.buyerVat(doc.buyer.vatNumber), T.en.buyerVat(doc.buyer.vatNumber));
  const terms = doc.paymentTerms;
  if (doc.buyer.kind === "business" && doc.kind !== "credit_note")
    mentions.push(...latePaymentMentions(terms, lang, doc.currency));
  if (doc.kind !== "credit_note") {
    const discount = terms.earlyPaymentDiscount;
    add(
      "early_payment_discount",
      T.fr.discount(discount),
      T.en.discount(ENGLISH_DEFAULTS[discount] ?? discount),
    );
  }
  return mentions;
}

/**
 * What a business customer owes when it pays late: the penalty rate and the fixed recovery
 * fee (when the currency is the euro). The invoices print them, and so do the firm reminder
 * and the formal notice.
 */
export function latePaymentMentions(terms: PaymentTerms, lang: Lang, currency: string): Mention[] {
  const line = (key: MentionKey, french: string, english: string): Mention => ({
    key,
    french,
    text: lang === "fr" ? french : `${english} (${french})`,
  });
  const rate = terms.latePenaltyRate;
  const mentions = [
    line("late_penalties", T.fr.penalties(rate), T.en.penalties(ENGLISH_DEFAULTS[rate] ?? rate)),
  ];
  if (terms.recoveryFeeMinor !== null) {
    const fr = documentFormat("fr", currency).money(terms.recoveryFeeMinor);
    const en = documentFormat("en", currency).money(terms.recoveryFeeMinor);
    mentions.push(line("recovery_fee", T.fr.fee(fr), T.en.fee(en)));
  }
  return mentions;
}
