/**
 * The charter: the business's own limits (spec section 2). Every key is optional on input;
 * `resolveCharter` fills in the defaults. Percentages are plain numbers (10 means 10 %).
 */
export interface Charter {
  currency: string;
  hour_cost: number;
  payment_terms_days: number;
  max_discount_pct: number;
  min_margin_pct: number;
  max_revenue_share_pct: number;
  included_revisions: number;
  warranty_days: number;
  first_response_hours: number;
  zero_tolerance_severity: number;
  window_months: number;
  /** Monthly discount rate for customer lifetime value (extension, see docs/charter.md). */
  discount_rate_pct: number;
  /** The deposit suggested at intake for a customer in `renegotiate` (extension, docs/charter.md). */
  deposit_pct: number;
  /**
   * What `high_value` ranks customers by: window revenue (the spec's rule, default) or the
   * expected net value of the customer-value model when it can be fitted (docs/scoring.md).
   */
  high_value_basis: HighValueBasis;
}

export const HIGH_VALUE_BASES = ["revenue", "net_value"] as const;
export type HighValueBasis = (typeof HIGH_VALUE_BASES)[number];

export const DEFAULT_CHARTER: Readonly<Charter> = Object.freeze({
  currency: "EUR",
  hour_cost: 40,
  payment_terms_days: 30,
  max_discount_pct: 10,
  min_margin_pct: 15,
  max_revenue_share_pct: 25,
  included_revisions: 2,
  warranty_days: 30,
  first_response_hours: 24,
  zero_tolerance_severity: 3,
  window_months: 12,
  discount_rate_pct: 1,
  deposit_pct: 30,
  high_value_basis: "revenue",
});

export type CharterKey = keyof Charter;
export const CHARTER_KEYS = Object.keys(DEFAULT_CHARTER) as CharterKey[];

export interface FieldError {
  field: string;
  reason: string;
}

type Rule = { integer?: boolean; min: number; max?: number };
type NumberKey = Exclude<CharterKey, "currency" | "high_value_basis">;
const NUMBER_RULES: Record<NumberKey, Rule> = {
  hour_cost: { min: 0 },
  payment_terms_days: { integer: true, min: 0, max: 3650 },
  max_discount_pct: { min: 0, max: 100 },
  min_margin_pct: { min: -100, max: 100 },
  max_revenue_share_pct: { min: 0, max: 100 },
  included_revisions: { integer: true, min: 0, max: 1000 },
  warranty_days: { integer: true, min: 0, max: 36500 },
  first_response_hours: { min: 0, max: 8760 },
  zero_tolerance_severity: { integer: true, min: 1, max: 3 },
  window_months: { integer: true, min: 1, max: 600 },
  discount_rate_pct: { min: 0, max: 100 },
  deposit_pct: { min: 0, max: 100 },
};

function checkNumber(key: NumberKey, value: unknown): string | undefined {
  if (typeof value !== "number" || !Number.isFinite(value)) return "must be a number";
  const rule = NUMBER_RULES[key];
  if (rule.integer && !Number.isInteger(value)) return "must be a whole number";
  if (value < rule.min) {
    return rule.min === 0 ? "must not be negative" : `must be at least ${rule.min}`;
  }
  if (rule.max !== undefined && value > rule.max) return `must be at most ${rule.max}`;
  return undefined;
}

/**
 * Validates a partial charter. Unknown keys, non-numbers, negative amounts and out-of-range
 * percentages are errors naming the key.
 * @example validateCharterPatch({ max_discount_pct: -5 }) // [{field: "max_discount_pct", reason: "must not be negative"}]
 */
export function validateCharterPatch(patch: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (!(CHARTER_KEYS as string[]).includes(key)) {
      errors.push({
        field: key,
        reason: `unknown charter key (known: ${CHARTER_KEYS.join(", ")})`,
      });
    } else if (key === "currency") {
      if (typeof value !== "string" || !/^[A-Z]{3}$/.test(value)) {
        errors.push({ field: key, reason: "must be a three-letter ISO 4217 code such as EUR" });
      }
    } else if (key === "high_value_basis") {
      if (!(HIGH_VALUE_BASES as readonly unknown[]).includes(value)) {
        errors.push({ field: key, reason: `must be one of ${HIGH_VALUE_BASES.join(", ")}` });
      }
    } else {
      const reason = checkNumber(key as NumberKey, value);
      if (reason) errors.push({ field: key, reason });
    }
  }
  return errors;
}

/** Fills in the defaults of a validated partial charter. */
export function resolveCharter(patch: Partial<Charter> = {}): Charter {
  return { ...DEFAULT_CHARTER, ...patch };
}

/**
 * Parses `key=value` as given on the command line (`--set max_discount_pct=12`), with the
 * value read as a number unless the key is `currency` (a word such as `net_value` stays text).
 */
export function parseCharterAssignment(text: string): { key: string; value: unknown } | FieldError {
  const eq = text.indexOf("=");
  if (eq <= 0) return { field: text, reason: "expected key=value" };
  const key = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1).trim();
  if (key === "currency") return { key, value: raw.toUpperCase() };
  const num = Number(raw.replace(",", "."));
  return { key, value: raw === "" || Number.isNaN(num) ? raw : num };
}
