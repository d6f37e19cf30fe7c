/**
 * An invoice-like document as Comptoir issues it (issue 16): invoice, deposit invoice, credit
 * note or quote. It is pure data, everything the printed page, the Factur-X (CII) XML and the
 * UBL file need: the seller's identity, the buyer, the lines, the references to other
 * documents, the VAT exemption case and the payment terms. Amounts are integer minor units of
 * `currency`; unit prices and line discounts exclude VAT. The totals are derived, never stored
 * here: see invoice-totals.ts.
 */
import type { Lang, OrganizationIdentity, PostalAddress } from "../organization-identity.ts";

/** The four documents; Factur-X type codes: 380 invoice, 386 deposit, 381 credit note. */
export const DOCUMENT_KINDS = ["invoice", "deposit", "credit_note", "quote"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** UNTDID 1001 document type code of each kind (a quote has none in EN 16931; 310 is an offer). */
export const DOCUMENT_TYPE_CODES: Record<DocumentKind, string> = {
  invoice: "380",
  deposit: "386",
  credit_note: "381",
  quote: "310",
};

export const LINE_NATURES = ["goods", "services"] as const;
export type LineNature = (typeof LINE_NATURES)[number];

/**
 * Why no VAT (or the buyer's VAT) applies to the whole document:
 * - `franchise`: the seller is under the franchise, "TVA non applicable, art. 293 B du CGI";
 * - `reverse_charge`: a business buyer in another EU country pays the VAT ("Autoliquidation");
 * - `export`: a buyer outside the EU, exempt under art. 262 I du CGI.
 */
export const VAT_EXEMPTIONS = ["franchise", "reverse_charge", "export"] as const;
export type VatExemption = (typeof VAT_EXEMPTIONS)[number];

/** EN 16931 VAT category codes (UNCL 5305) used here. */
export type VatCategory = "S" | "Z" | "E" | "AE" | "G";

export interface InvoiceBuyer {
  name: string;
  kind: "person" | "business";
  address: PostalAddress | null;
  /** ISO 3166 alpha-2, upper case ("FR", "DE", "CH"). */
  country: string;
  siren: string | null;
  vatNumber: string | null;
  email: string | null;
}

export interface InvoiceLine {
  description: string;
  /** A positive decimal with at most 3 decimals (1, 2.5, 0.125). */
  quantity: number;
  /** Unit price excluding VAT, in minor units. */
  unitPriceMinor: number;
  /** Percent: 20, 10, 5.5, 2.1, 0. Ignored (0) when the document has a VAT exemption. */
  vatRate: number;
  /** A line allowance excluding VAT, in minor units, subtracted from quantity x price. */
  discountMinor?: number;
  nature: LineNature;
  /** The order this line comes from, when it does. */
  order?: string;
}

/** A deposit invoice drawn down on a final invoice: its number and its amount incl. VAT. */
export interface DepositDrawnDown {
  number: string;
  issueDate?: string;
  amountMinor: number;
}

export interface InvoiceReferences {
  /** For a credit note: the full number of the invoice it corrects. */
  correctedInvoice?: { number: string; issueDate?: string };
  /** For a final invoice: the deposits it draws down. */
  deposits?: DepositDrawnDown[];
  /** The orders the document covers (the first one is the fact's `order`). */
  orders?: string[];
}

/** The service date (BT-72) or the invoicing period (BG-14). */
export type ServiceDate = { date: string } | { period: { start: string; end: string } };

export interface PaymentTerms {
  /** Late-payment penalty rate, as written: charter `late_penalty_rate`, "taux BCE + 10 points". */
  latePenaltyRate: string;
  /** The 40 EUR fixed recovery fee (art. L441-10 C. com.), business buyers only; else null. */
  recoveryFeeMinor: number | null;
  /** Early-payment discount terms, "pas d'escompte" by default. */
  earlyPaymentDiscount: string;
}

export interface InvoiceDocument {
  kind: DocumentKind;
  /** The numbering series ("2026", "AV-2026"). */
  series: string;
  /** The full number with its series ("2026-0001"): also the fact's id. */
  number: string;
  /** ISO dates (YYYY-MM-DD) throughout. */
  issueDate: string;
  service: ServiceDate | null;
  /** Null for a quote (it has a validity date instead). */
  dueDate: string | null;
  /** For a quote: the date until which it holds. */
  validUntil?: string | null;
  /** ISO 4217 ("EUR"). */
  currency: string;
  lang: Lang;
  seller: OrganizationIdentity;
  buyer: InvoiceBuyer;
  lines: InvoiceLine[];
  references: InvoiceReferences;
  vatExemption: VatExemption | null;
  paymentTerms: PaymentTerms;
  /** Free notes printed on the document (and carried as XML notes). */
  notes?: string[];
}

export const DEFAULT_LATE_PENALTY_RATE = "taux BCE + 10 points";
export const DEFAULT_EARLY_PAYMENT_DISCOUNT = "pas d'escompte";
/** The fixed recovery fee for late payment between businesses: 40 EUR. */
export const RECOVERY_FEE_EUR_MINOR = 4000;
/** The legal cap on payment terms between businesses (art. L441-10 C. com.): 60 days. */
export const MAX_PAYMENT_TERMS_DAYS = 60;

export const VAT_FRANCHISE_TEXT: Record<Lang, string> = {
  fr: "TVA non applicable, art. 293 B du CGI",
  en: "VAT not applicable, art. 293 B of the French General Tax Code (CGI)",
};
export const REVERSE_CHARGE_TEXT: Record<Lang, string> = {
  fr: "Autoliquidation",
  en: "Reverse charge (Autoliquidation)",
};
export const EXPORT_TEXT: Record<Lang, string> = {
  fr: "Exonération de TVA, art. 262 I du CGI (exportation hors de l'Union européenne)",
  en: "VAT exempt, art. 262 I of the French General Tax Code (export outside the EU)",
};

/** The text stating a VAT exemption case, in the document's language. */
export function vatExemptionText(exemption: VatExemption, lang: Lang): string {
  if (exemption === "franchise") return VAT_FRANCHISE_TEXT[lang];
  if (exemption === "reverse_charge") return REVERSE_CHARGE_TEXT[lang];
  return EXPORT_TEXT[lang];
}

/** EN 16931 exemption reason codes (VATEX) for the exempt categories. */
export const VATEX_CODES: Record<VatExemption, string> = {
  franchise: "VATEX-FR-FRANCHISE",
  reverse_charge: "VATEX-EU-AE",
  export: "VATEX-EU-G",
};

/** The VAT category of a line: its document's exemption, else S (standard) or Z (zero rate). */
export function vatCategory(exemption: VatExemption | null, vatRate: number): VatCategory {
  if (exemption === "franchise") return "E";
  if (exemption === "reverse_charge") return "AE";
  if (exemption === "export") return "G";
  return vatRate === 0 ? "Z" : "S";
}

/** EU member states (ISO 3166 alpha-2; Greece is "GR" here, "EL" only in VAT numbers). */
export const EU_COUNTRIES = new Set([
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
]);

/**
 * The exemption case that follows from the seller and the buyer: franchise when the seller is
 * under it; reverse charge for a business buyer with a VAT number in another EU country;
 * export for a buyer outside the EU; otherwise none (French VAT applies).
 */
export function exemptionFor(
  seller: Pick<OrganizationIdentity, "vatFranchise" | "address">,
  buyer: Pick<InvoiceBuyer, "kind" | "country" | "vatNumber">,
): VatExemption | null {
  if (seller.vatFranchise) return "franchise";
  const home = seller.address?.country ?? "FR";
  const country = buyer.country.toUpperCase();
  if (country === home) return null;
  if (!EU_COUNTRIES.has(country)) return "export";
  if (buyer.kind === "business" && buyer.vatNumber) return "reverse_charge";
  return null;
}

/**
 * The payment terms printed on a document: the charter's late penalty rate, the 40 EUR recovery
 * fee for a business buyer (converted to no other currency: null outside EUR), no discount.
 */
export function paymentTermsFor(
  buyerKind: InvoiceBuyer["kind"],
  options: {
    latePenaltyRate?: string | null;
    earlyPaymentDiscount?: string | null;
    currency: string;
  },
): PaymentTerms {
  return {
    latePenaltyRate: options.latePenaltyRate?.trim() || DEFAULT_LATE_PENALTY_RATE,
    recoveryFeeMinor:
      buyerKind === "business" && options.currency === "EUR" ? RECOVERY_FEE_EUR_MINOR : null,
    earlyPaymentDiscount: options.earlyPaymentDiscount?.trim() || DEFAULT_EARLY_PAYMENT_DISCOUNT,
  };
}

/** Whether the lines are goods, services or both (a mention French invoices carry). */
export function documentNature(lines: readonly Pick<InvoiceLine, "nature">[]): LineNature | "both" {
  const goods = lines.some((l) => l.nature === "goods");
  const services = lines.some((l) => l.nature === "services");
  if (goods && services) return "both";
  return goods ? "goods" : "services";
}

/** Due date: issue date + the charter's payment terms, capped at the legal 60 days. */
export function dueDateFor(issueDate: string, paymentTermsDays: number): string {
  const days = Math.max(0, Math.min(MAX_PAYMENT_TERMS_DAYS, Math.floor(paymentTermsDays)));
  const d = new Date(`${issueDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A full number from a series and a counter value: formatNumber("2026", 1) === "2026-0001". */
export function formatNumber(series: string, value: number): string {
  return `${series}-${String(value).padStart(4, "0")}`;
}
