/**
 * Money, dates, quantities, rates and countries as people write them on a French or English
 * document (Intl), and the exact decimal text the XML carries.
 * @example documentFormat("fr", "EUR").money(123456) // "1 234,56 €"
 */
import { fromMinor, minorDigits } from "../../domain/money.ts";
import type { Lang } from "../../domain/organization-identity.ts";

export interface DocumentFormat {
  money(minor: number): string;
  /** "7 décembre 2026" / "7 December 2026" from an ISO date. */
  date(iso: string): string;
  quantity(q: number): string;
  /** "20 %", "5,5 %". */
  rate(rate: number): string;
  /** "Allemagne" for "DE". */
  country(code: string): string;
}

const LOCALES: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };

// Intl's formatters cost a few milliseconds each to build: one set per language and currency.
const cache = new Map<string, DocumentFormat>();

export function documentFormat(lang: Lang, currency: string): DocumentFormat {
  const key = `${lang}|${currency}`;
  let format = cache.get(key);
  if (!format) {
    format = buildFormat(lang, currency);
    cache.set(key, format);
  }
  return format;
}

function buildFormat(lang: Lang, currency: string): DocumentFormat {
  const locale = LOCALES[lang];
  const digits = minorDigits(currency);
  const money = new Intl.NumberFormat(locale, { style: "currency", currency });
  const dates = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const quantity = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const rate = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
  const regions = new Intl.DisplayNames([locale], { type: "region" });
  return {
    money: (minor) => money.format(fromMinor(minor, digits)),
    date: (iso) => dates.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    quantity: (q) => quantity.format(q),
    rate: (r) => rate.format(r / 100),
    country: (code) => regions.of(code.toUpperCase()) ?? code,
  };
}

/** Minor units as the decimal text XML amounts carry: 123456 -> "1234.56" (EUR). */
export function xmlAmount(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = minor < 0;
  const text = String(Math.abs(minor)).padStart(digits + 1, "0");
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const frac = digits === 0 ? "" : `.${text.slice(-digits)}`;
  return `${negative ? "-" : ""}${whole}${frac}`;
}

/** A decimal as plain text without exponent or float noise: 2.5 -> "2.5", 0.125 -> "0.125". */
export function xmlDecimal(value: number, maxDecimals = 4): string {
  return Number(value.toFixed(maxDecimals)).toString();
}

/** "2026-12-07" -> "20261207" (UNTDID 2379 format 102). */
export const date102 = (iso: string) => iso.slice(0, 10).replaceAll("-", "");
