/**
 * Numbers, money, percentages and dates for people, with Intl, in the interface language and
 * the organization's time zone. Pure: `formatters("fr", "Europe/Paris")` can be tested alone.
 */
export type Lang = "fr" | "en";

export interface Formatters {
  money(amount: number, currency: string): string;
  /** Compact money for chart axes: `12 k€`. */
  moneyShort(amount: number, currency: string): string;
  num(n: number): string;
  /** The currency's sign as people write it beside an amount: `€`, `CHF`, `$`. */
  currencySymbol(currency: string): string;
  /** `n` is already a percentage: pct(12.5) is "12,5 %". */
  pct(n: number): string;
  /** A date (no time): 3 mars 2026. */
  date(iso: string): string;
  dateTime(iso: string): string;
  /**
   * A fact's instant, or an as-of instant: a date alone (in UTC) for midnight or the end of a
   * UTC day, which is how dates without a time are stored and how `asOf` ends a day.
   */
  instant(iso: string): string;
}

const DAY_BOUNDARY = /T(00:00(:00(\.0+)?)?|23:59:59\.999)(Z|\+00:00)$/;

const LOCALES: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };

export function formatters(lang: Lang, timeZone = "Europe/Paris"): Formatters {
  const locale = LOCALES[lang];
  const numFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const pctFormat = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  });
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const moneyFormat = (currency: string, compact: boolean) => {
    const key = `${currency}:${compact}`;
    let format = moneyFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, {
        style: "currency",
        currency,
        ...(compact ? { notation: "compact", maximumFractionDigits: 1 } : {}),
      });
      moneyFormats.set(key, format);
    }
    return format;
  };
  const safeDate = (iso: string, format: Intl.DateTimeFormat) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
  const utcDate = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return {
    instant: (iso) =>
      DAY_BOUNDARY.test(iso) ? safeDate(iso, utcDate) : safeDate(iso, dateTimeFormat),
    money: (amount, currency) => moneyFormat(currency, false).format(amount),
    moneyShort: (amount, currency) => moneyFormat(currency, true).format(amount),
    num: (n) => numFormat.format(n),
    currencySymbol: (currency) =>
      moneyFormat(currency, false)
        .formatToParts(0)
        .find((part) => part.type === "currency")?.value ?? currency,
    pct: (n) => pctFormat.format(n / 100),
    date: (iso) => safeDate(iso, dateFormat),
    dateTime: (iso) => safeDate(iso, dateTimeFormat),
  };
}
