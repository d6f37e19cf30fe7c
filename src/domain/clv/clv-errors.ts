import { AppError } from "../errors.ts";

/** Why the data cannot support a fit; stable values, shown in `details.reason`. */
export type InsufficientDataReason =
  | "no_customers"
  | "one_customer"
  | "no_repeat_customers"
  | "no_observation_time"
  | "too_few_repeat_customers"
  | "no_spend_variation"
  | "mean_spend_undefined";

/**
 * The purchase history cannot support the model (code CLV_INSUFFICIENT_DATA, HTTP 422).
 * @example new ClvInsufficientDataError("no_repeat_customers", "no customer bought twice")
 */
export class ClvInsufficientDataError extends AppError {
  readonly reason: InsufficientDataReason;
  constructor(reason: InsufficientDataReason, message: string) {
    super("CLV_INSUFFICIENT_DATA", message, { reason });
    this.name = "ClvInsufficientDataError";
    this.reason = reason;
  }
}

/** An input value is not usable (code BAD_INPUT); the message names the field. */
export class ClvInputError extends AppError {
  readonly field: string;
  constructor(field: string, reason: string) {
    super("BAD_INPUT", `${field}: ${reason}`, { field, reason });
    this.name = "ClvInputError";
    this.field = field;
  }
}

/**
 * A series did not converge: the horizon is far too long for the customer's history
 * (z = t / (α + T + t) within about 1e-5 of 1). Reported as BAD_INPUT on the horizon.
 */
export class ClvNumericalError extends AppError {
  constructor(message: string) {
    super("BAD_INPUT", `horizon: ${message}`, { field: "horizon" });
    this.name = "ClvNumericalError";
  }
}
