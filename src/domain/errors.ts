/**
 * Expected failures, each with a stable code. The HTTP layer maps codes to statuses,
 * the CLI to exit codes; docs/errors.md lists every code (a test checks it).
 */
export const ERROR_CATALOGUE = {
  BAD_INPUT: {
    status: 400,
    exit: 1,
    description: "The input is invalid; the message names the field.",
  },
  IMPORT_REJECTED: {
    status: 400,
    exit: 1,
    description: "An import file has invalid lines or conflicts; nothing was imported.",
  },
  ORGANIZATION_NOT_FOUND: { status: 404, exit: 1, description: "No organization has that slug." },
  CUSTOMER_NOT_FOUND: {
    status: 404,
    exit: 1,
    description: "No customer has that id in this organization.",
  },
  DATABASE_UNKNOWN_MIGRATION: {
    status: 500,
    exit: 1,
    description:
      "The database has a migration this version of Comptoir does not know (it was written by a newer version).",
  },
  DATABASE_UNREACHABLE: {
    status: 503,
    exit: 1,
    description: "The database could not be opened or reached.",
  },
  CLV_INSUFFICIENT_DATA: {
    status: 422,
    exit: 1,
    description: "There is not enough purchase history to fit the customer-value model.",
  },
  USAGE: {
    status: 400,
    exit: 2,
    description: "The command line is wrong (unknown command or option, missing argument).",
  },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}
