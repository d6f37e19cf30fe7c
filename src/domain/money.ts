/**
 * Money is stored and computed in integer minor units (cents for EUR, yen for JPY).
 * Decimal amounts from files are converted exactly, from their text, never through a float
 * multiplication that could round 0.29 * 100 to 28.999.
 */

const digitsCache = new Map<string, number>();

/** Number of decimals of a currency's minor unit: 2 for EUR, 0 for JPY. */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits as number;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/**
 * Converts a decimal amount (number, or text such as "1234.5") to minor units.
 * Returns undefined when the value is not a finite decimal or has more decimals than the
 * currency allows.
 * @example toMinor(12.5, 2) // 1250
 */
export function toMinor(value: number | string, digits: number): number | undefined {
  const text = typeof value === "number" ? numberToPlain(value) : value.trim();
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return undefined;
  const [, sign, whole, frac = ""] = m;
  const trimmed = frac.replace(/0+$/, "");
  if (trimmed.length > digits) return undefined;
  const minor = Number(whole + trimmed.padEnd(digits, "0"));
  if (!Number.isSafeInteger(minor)) return undefined;
  return sign === "-" ? -minor : minor;
}

function numberToPlain(n: number): string {
  if (!Number.isFinite(n)) return "NaN";
  const s = String(n);
  // Numbers such as 1e-7 or 1e21 print in exponent form; spell them out.
  return /e/i.test(s) ? n.toFixed(20).replace(/\.?0+$/, "") : s;
}

/** Minor units back to a decimal number for JSON output: fromMinor(1250, 2) === 12.5. */
export function fromMinor(minor: number, digits: number): number {
  return minor / 10 ** digits;
}
