import { minorDigits } from "../money.ts";

export type Lang = "fr" | "en";

/** Formatting for signal messages in one language: money, percentages, plurals. */
export interface MessageFormat {
  lang: Lang;
  /** Picks the French or the English text. */
  say(fr: string, en: string): string;
  /** Minor units as an amount in the charter currency: `1 234,50 €`, `€1,234.50`. */
  money(minor: number): string;
  /** A number with at most one decimal: `12,5`, `12.5`. */
  num(n: number): string;
  /** `n` followed by the singular or plural noun: `1 commande`, `3 commandes`. */
  count(n: number, fr: [string, string], en: [string, string]): string;
}

const cache = new Map<string, MessageFormat>();

/** The formatter for a language and currency (built once: Intl formatters are costly). */
export function messageFormat(lang: Lang, currency: string): MessageFormat {
  const key = `${lang}:${currency}`;
  let format = cache.get(key);
  if (!format) {
    format = buildFormat(lang, currency);
    cache.set(key, format);
  }
  return format;
}

function buildFormat(lang: Lang, currency: string): MessageFormat {
  const locale = lang === "fr" ? "fr-FR" : "en-GB";
  const digits = minorDigits(currency);
  const moneyFormat = new Intl.NumberFormat(locale, { style: "currency", currency });
  const numFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const say = (fr: string, en: string) => (lang === "fr" ? fr : en);
  return {
    lang,
    say,
    money: (minor) => moneyFormat.format(minor / 10 ** digits),
    num: (n) => numFormat.format(n),
    count: (n, fr, en) => {
      const [one, many] = lang === "fr" ? fr : en;
      // French uses the singular for 0 and 1, English only for 1.
      const singular = lang === "fr" ? Math.abs(n) < 2 : n === 1;
      return `${numFormat.format(n)} ${singular ? one : many}`;
    },
  };
}
