/**
 * An invoice's totals in integer minor units, by the EN 16931 arithmetic rules:
 * - line net amount (BT-131) = quantity x unit price - line allowance, rounded once, half away
 *   from zero, to the minor unit;
 * - BR-CO-10: sum of line net amounts (BT-106) = sum of BT-131;
 * - BR-CO-11/12: document allowances/charges (BT-107/108), none here: 0;
 * - BR-CO-13: total without VAT (BT-109) = BT-106 - BT-107 + BT-108;
 * - BR-CO-17 / BR-S-08: per VAT category and rate, the taxable base (BT-116) is the sum of its
 *   lines' net amounts and the VAT (BT-117) is base x rate / 100, rounded once on that base
 *   (never line by line);
 * - BR-CO-14: total VAT (BT-110) = sum of BT-117;
 * - BR-CO-15: total with VAT (BT-112) = BT-109 + BT-110;
 * - BR-CO-16: amount due (BT-115) = BT-112 - paid amount (BT-113, here the deposits drawn down)
 *   + rounding amount (BT-114, here 0).
 * Exempt categories (E franchise, AE reverse charge, G export) and Z carry a 0 rate and 0 VAT.
 */
import {
  type InvoiceDocument,
  type InvoiceLine,
  VATEX_CODES,
  type VatCategory,
  type VatExemption,
  vatCategory,
} from "./invoice-document.ts";

export interface VatBreakdownRow {
  category: VatCategory;
  /** Percent (20, 5.5); 0 for the exempt categories. */
  rate: number;
  /** BT-116, minor units. */
  taxableMinor: number;
  /** BT-117, minor units. */
  vatMinor: number;
  /** BT-121, for the exempt categories. */
  exemptionCode?: string;
}

export interface InvoiceTotals {
  /** BT-131 of each line, in the lines' order. */
  lineNets: number[];
  /** BT-106 */
  lineNetTotalMinor: number;
  /** BT-107 */
  allowanceTotalMinor: number;
  /** BT-108 */
  chargeTotalMinor: number;
  /** BT-109 */
  totalExclVatMinor: number;
  /** Sorted by category then rate, descending rate. */
  vatBreakdown: VatBreakdownRow[];
  /** BT-110 */
  vatTotalMinor: number;
  /** BT-112 */
  totalInclVatMinor: number;
  /** BT-113: the deposits drawn down (amounts incl. VAT). */
  depositsDrawnDownMinor: number;
  /** BT-114 */
  roundingMinor: number;
  /** BT-115: what the customer still has to pay; the fact's `amount`. */
  amountDueMinor: number;
}

/** a / b rounded half away from zero, for integers (b > 0), exactly (BigInt). */
export function divRound(a: bigint, b: bigint): bigint {
  const negative = a < 0n;
  const abs = negative ? -a : a;
  const q = (abs * 2n + b) / (2n * b);
  return negative ? -q : q;
}

/** Quantity in thousandths, exactly from its decimal text: 2.5 -> 2500. Throws past 3 decimals. */
export function quantityMilli(quantity: number): bigint {
  const milli = Math.round(quantity * 1000);
  if (!Number.isFinite(quantity) || Math.abs(quantity * 1000 - milli) > 1e-6) {
    throw new RangeError(`quantity ${quantity} has more than 3 decimals`);
  }
  return BigInt(milli);
}

/** A VAT rate in hundredths of a percent: 5.5 -> 550. Throws past 2 decimals. */
export function rateCenti(rate: number): bigint {
  const centi = Math.round(rate * 100);
  if (!Number.isFinite(rate) || Math.abs(rate * 100 - centi) > 1e-6) {
    throw new RangeError(`VAT rate ${rate} has more than 2 decimals`);
  }
  return BigInt(centi);
}

/** BT-131: quantity x unit price - discount, rounded once to the minor unit. */
export function lineNetMinor(
  line: Pick<InvoiceLine, "quantity" | "unitPriceMinor" | "discountMinor">,
): number {
  const gross = divRound(quantityMilli(line.quantity) * BigInt(line.unitPriceMinor), 1000n);
  return Number(gross - BigInt(line.discountMinor ?? 0));
}

/** BT-117 for one category and rate: base x rate / 100, rounded once. */
export function vatOnBase(taxableMinor: number, rate: number): number {
  return Number(divRound(BigInt(taxableMinor) * rateCenti(rate), 10000n));
}

const CATEGORY_ORDER: VatCategory[] = ["S", "Z", "E", "AE", "G"];

/** The totals of a document (or of its lines, exemption and deposits alone). */
export function computeTotals(
  doc: Pick<InvoiceDocument, "lines" | "vatExemption"> & {
    references?: Pick<InvoiceDocument["references"], "deposits">;
  },
): InvoiceTotals {
  const lineNets = doc.lines.map(lineNetMinor);
  const groups = new Map<string, VatBreakdownRow>();
  doc.lines.forEach((line, i) => {
    const category = vatCategory(doc.vatExemption, line.vatRate);
    const rate = category === "S" ? line.vatRate : 0;
    const key = `${category}|${rate}`;
    let row = groups.get(key);
    if (!row) {
      row = { category, rate, taxableMinor: 0, vatMinor: 0 };
      const code = exemptionCode(doc.vatExemption);
      if (code && category !== "S" && category !== "Z") row.exemptionCode = code;
      groups.set(key, row);
    }
    row.taxableMinor += lineNets[i] as number;
  });
  const vatBreakdown = [...groups.values()]
    .map((row) => ({ ...row, vatMinor: vatOnBase(row.taxableMinor, row.rate) }))
    .sort(
      (a, b) =>
        CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || b.rate - a.rate,
    );
  const lineNetTotalMinor = lineNets.reduce((s, n) => s + n, 0);
  const allowanceTotalMinor = 0;
  const chargeTotalMinor = 0;
  const totalExclVatMinor = lineNetTotalMinor - allowanceTotalMinor + chargeTotalMinor;
  const vatTotalMinor = vatBreakdown.reduce((s, r) => s + r.vatMinor, 0);
  const totalInclVatMinor = totalExclVatMinor + vatTotalMinor;
  const depositsDrawnDownMinor = (doc.references?.deposits ?? []).reduce(
    (s, d) => s + d.amountMinor,
    0,
  );
  const roundingMinor = 0;
  return {
    lineNets,
    lineNetTotalMinor,
    allowanceTotalMinor,
    chargeTotalMinor,
    totalExclVatMinor,
    vatBreakdown,
    vatTotalMinor,
    totalInclVatMinor,
    depositsDrawnDownMinor,
    roundingMinor,
    amountDueMinor: totalInclVatMinor - depositsDrawnDownMinor + roundingMinor,
  };
}

function exemptionCode(exemption: VatExemption | null): string | undefined {
  return exemption ? VATEX_CODES[exemption] : undefined;
}

/**
 * The taxable base whose total with VAT at `vatRate` makes `amountInclVatMinor` (or comes
 * nearest when no base does, 1 minor unit off at most): a deposit of 30 % of an order's price
 * incl. VAT becomes a deposit invoice line at this base.
 * @example depositBase(1200, 20) // 1000
 */
export function depositBase(amountInclVatMinor: number, vatRate: number): number {
  // base such that base + vatOnBase(base) is as close as possible to the amount incl. VAT.
  const centi = rateCenti(vatRate);
  let base = Number(divRound(BigInt(amountInclVatMinor) * 10000n, 10000n + centi));
  for (const candidate of [base - 1, base, base + 1]) {
    if (candidate + vatOnBase(candidate, vatRate) === amountInclVatMinor) {
      base = candidate;
      break;
    }
  }
  return base;
}
