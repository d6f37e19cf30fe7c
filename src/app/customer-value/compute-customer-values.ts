/**
 * The customer-value model as the app uses it: one fit per organization and as-of instant
 * (52 weeks ahead by default), or the reason there is none. Wraps computeClv: a BG/NBD fit
 * that is impossible or does not converge becomes `{status: "unavailable", reason}` instead of
 * an error, so pages can say why; the spend model falls back on its own (see compute-clv.ts).
 */
import type { Charter } from "../../domain/charter.ts";
import { ClvInsufficientDataError, ClvNumericalError } from "../../domain/clv/clv-errors.ts";
import { minorDigits } from "../../domain/money.ts";
import type { Store } from "../../store/database.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { type ClvReport, type CustomerClv, computeClv } from "./compute-clv.ts";

export const VALUE_HORIZON_WEEKS = 52;

/**
 * Why there is no estimate at all (the InsufficientDataReason codes, or no convergence), or
 * not yet: `pending` while a large organization's fit is being computed (src/http/value-cache.ts).
 */
export type ValueUnavailableReason =
  | ClvInsufficientDataError["reason"]
  | "no_convergence"
  | "numerical_limit"
  | "pending";

export type CustomerValues =
  | {
      status: "fitted";
      horizonWeeks: number;
      report: ClvReport;
      byCustomer: ReadonlyMap<string, CustomerClv>;
      /**
       * False when the fit found no sign of anyone leaving (mean dropout probability after a
       * purchase below 1e-6): P(alive) is then 100 % for everyone, which pages should say.
       */
      dropoutVisible: boolean;
    }
  | {
      status: "unavailable";
      horizonWeeks: number;
      reason: ValueUnavailableReason;
      message: string;
    };

/**
 * @example const values = await computeCustomerValues(store, org, { asOf: Date.now() });
 *   if (values.status === "fitted") values.byCustomer.get("c-roussel")?.net_value
 */
export async function computeCustomerValues(
  store: Store,
  org: Organization,
  options: { asOf: number; horizonWeeks?: number; charter?: Charter },
): Promise<CustomerValues> {
  const horizonWeeks = options.horizonWeeks ?? VALUE_HORIZON_WEEKS;
  let report: ClvReport;
  try {
    report = await computeClv(store, org, {
      calibrationEnd: options.asOf,
      horizonWeeks,
      charter: options.charter,
    });
  } catch (error) {
    if (error instanceof ClvInsufficientDataError) {
      return { status: "unavailable", horizonWeeks, reason: error.reason, message: error.message };
    }
    // A horizon far beyond the reach of the conditional expectation's series (about
    // 10⁵ × (α + T) weeks) in src/domain/clv: say so rather than fail the page (docs/clv.md).
    if (error instanceof ClvNumericalError) {
      return {
        status: "unavailable",
        horizonWeeks,
        reason: "numerical_limit",
        message: error.message,
      };
    }
    throw error;
  }
  if (!report.model.converged) {
    return {
      status: "unavailable",
      horizonWeeks,
      reason: "no_convergence",
      message: "the purchase-frequency model did not converge on this history",
    };
  }
  const { a, b } = report.model;
  return {
    status: "fitted",
    horizonWeeks,
    report,
    byCustomer: new Map(report.customers.map((c) => [c.customer, c])),
    dropoutVisible: a / (a + b) >= 1e-6,
  };
}

/** Each customer's expected net value in minor units, for high_value's net_value basis. */
export function netValuesMinor(
  values: CustomerValues,
  currency: string,
): ReadonlyMap<string, number> | undefined {
  if (values.status !== "fitted") return undefined;
  const scale = 10 ** minorDigits(currency);
  return new Map(values.report.customers.map((c) => [c.customer, Math.round(c.net_value * scale)]));
}
