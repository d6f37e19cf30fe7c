/**
 * The buyer of an invoice from the customer record (docs/customers.md): its name and kind,
 * and for a business its address, SIREN and VAT number. The record keeps the address as one
 * text; its postal code and city are read from it ("12 rue des Lilas, 69003 Lyon"), and the
 * country from a last line naming one, else from the VAT number's prefix, else France.
 */
import { contactValue } from "../customer-record.ts";
import type { CustomerFact } from "../facts.ts";
import type { PostalAddress } from "../organization-identity.ts";
import type { InvoiceBuyer } from "./invoice-document.ts";

const COUNTRY_NAMES: Record<string, string> = {
  france: "FR",
  belgique: "BE",
  belgium: "BE",
  allemagne: "DE",
  germany: "DE",
  deutschland: "DE",
  espagne: "ES",
  spain: "ES",
  italie: "IT",
  italy: "IT",
  suisse: "CH",
  switzerland: "CH",
  luxembourg: "LU",
  "pays-bas": "NL",
  netherlands: "NL",
  "royaume-uni": "GB",
  "united kingdom": "GB",
  portugal: "PT",
  "etats-unis": "US",
  "états-unis": "US",
  "united states": "US",
  canada: "CA",
};

/** The country of an address's last part ("Belgique", "BE"), when it names one. */
function countryOf(part: string): string | undefined {
  const text = part.trim().toLowerCase();
  if (COUNTRY_NAMES[text]) return COUNTRY_NAMES[text];
  return /^[a-z]{2}$/.test(text) ? text.toUpperCase() : undefined;
}

/**
 * Reads a one-text address into street, postal code, city and country.
 * @example parseAddress("12 rue des Lilas, 69003 Lyon") // {street: "12 rue des Lilas", postalCode: "69003", city: "Lyon", country: "FR"}
 */
export function parseAddress(text: string, fallbackCountry = "FR"): PostalAddress | null {
  const parts = text
    .split(/\n|,/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0) return null;
  let country = fallbackCountry;
  const last = parts[parts.length - 1] as string;
  const named = parts.length > 1 ? countryOf(last) : undefined;
  if (named) {
    country = named;
    parts.pop();
  }
  const cityPart = parts.length > 1 ? (parts[parts.length - 1] as string) : "";
  const m = /^([A-Z]{0,2}-?\d{4,5}|\d{4})\s+(.+)$/.exec(cityPart);
  if (m) {
    parts.pop();
    return { street: parts.join(", "), postalCode: m[1] as string, city: m[2] as string, country };
  }
  return { street: parts.join(", "), postalCode: "", city: "", country };
}

/** The buyer as the customer record stands. */
export function buyerFromCustomer(customer: CustomerFact): InvoiceBuyer {
  const business = customer.kind === "business";
  const vat = business ? contactValue(customer, "vat") || null : null;
  const vatCountry = vat && /^[A-Z]{2}/.test(vat) ? vat.slice(0, 2).replace("EL", "GR") : "FR";
  const address = parseAddress(contactValue(customer, "address"), vatCountry);
  return {
    name: customer.name,
    kind: business ? "business" : "person",
    address,
    country: address?.country ?? vatCountry,
    siren: business ? contactValue(customer, "siren") || null : null,
    vatNumber: vat,
    email: customer.email ?? null,
  };
}
