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
  CUSTOMER_MERGED: {
    status: 409,
    exit: 1,
    description:
      "The customer is merged into another (docs/customers.md): change the customer it is merged into, or undo the merge first.",
  },
  CUSTOMER_NOT_MERGED: {
    status: 409,
    exit: 1,
    description: "The customer is not merged into another: there is no merge to undo.",
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
  DATABASE_UNAVAILABLE: {
    status: 503,
    exit: 1,
    description:
      "The database stopped answering (a restart, a failover, a SQLite file locked or read-only); try again: service resumes by itself when it answers.",
  },
  CLV_INSUFFICIENT_DATA: {
    status: 422,
    exit: 1,
    description: "There is not enough purchase history to fit the customer-value model.",
  },
  UNAUTHENTICATED: {
    status: 401,
    exit: 1,
    description: "Not signed in (no session cookie or API token, or an expired one).",
  },
  FORBIDDEN: {
    status: 403,
    exit: 1,
    description: "Signed in, but the role in this organization does not allow it (docs/roles.md).",
  },
  TOKEN_NOT_ALLOWED: {
    status: 403,
    exit: 1,
    description:
      "An API token cannot do this (create, list or revoke tokens, accept an invitation): sign in.",
  },
  CSRF_REJECTED: {
    status: 403,
    exit: 1,
    description:
      "A cookie-authenticated write came without the x-comptoir-csrf header or from another origin.",
  },
  NOT_FOUND: {
    status: 404,
    exit: 1,
    description: "No such route or record (also answered for another organization's records).",
  },
  INVITATION_INVALID: {
    status: 404,
    exit: 1,
    description:
      "The invitation does not exist, was revoked, or was sent to another e-mail address.",
  },
  INVITATION_EXPIRED: {
    status: 410,
    exit: 1,
    description:
      "The invitation was already used or is more than 7 days old: ask an owner for a new one.",
  },
  INVALID_CREDENTIALS: {
    status: 401,
    exit: 1,
    description: "Sign-in refused: no account has this e-mail address and password.",
  },
  WEAK_PASSWORD: {
    status: 400,
    exit: 1,
    description:
      "The password is too easy to guess (a common password, a word with digits, the name or e-mail): choose a longer one, a few unrelated words for instance.",
  },
  SIGN_UP_CLOSED: {
    status: 403,
    exit: 1,
    description:
      "This instance accepts new accounts by invitation only (COMPTOIR_SIGNUP=invite): ask an owner for an invitation.",
  },
  SETUP_REQUIRED: {
    status: 403,
    exit: 1,
    description:
      "The instance has no account yet: the first one is created with the setup link printed on the server's console.",
  },
  SETUP_TOKEN_INVALID: {
    status: 404,
    exit: 1,
    description:
      "The setup token is wrong or was already used (the instance has an account): restart the server for a new one if nobody has signed up yet.",
  },
  EMAIL_NOT_VERIFIED: {
    status: 403,
    exit: 1,
    description:
      "The account's e-mail address is not verified yet: open the link mailed at sign-up (or ask for a new one) first.",
  },
  LINK_INVALID: {
    status: 410,
    exit: 1,
    description:
      "The e-mail verification or password reset link is unknown, was already used or has expired: ask for a new one.",
  },
  MAIL_NOT_SENT: {
    status: 422,
    exit: 1,
    description:
      "The mail server refused the test mail or could not be reached; the message says what it answered.",
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    exit: 1,
    description:
      "The request body is too large (2 MB for JSON; import files and photos have their own limits).",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    exit: 1,
    description:
      "The request body's Content-Type is not one this route reads (JSON, or multipart/form-data for uploads).",
  },
  LAST_OWNER: {
    status: 409,
    exit: 1,
    description:
      "An organization keeps at least one owner: the last one cannot leave or be demoted.",
  },
  RATE_LIMITED: {
    status: 429,
    exit: 1,
    description:
      "Too many attempts (sign-in, sign-up, password reset): wait and try again; the message says how long.",
  },
  ACCEPTANCE_BLOCKED: {
    status: 409,
    exit: 1,
    description:
      "The order cannot be accepted yet: a question is open, a disclosure is unacknowledged, there is no quote, or the quote waits for a manager.",
  },
  ORDER_TRANSITION_INVALID: {
    status: 409,
    exit: 1,
    description:
      "The order is not in a status that allows this step (for example delivering an order not ready, or editing an accepted one).",
  },
  QUOTE_NEEDS_MANAGER: {
    status: 403,
    exit: 1,
    description:
      "The quote's discount is above the charter's max_discount_pct or its margin below min_margin_pct: only a manager or an owner may confirm it.",
  },
  QUOTE_NEEDS_CONFIRMATION: {
    status: 409,
    exit: 1,
    description:
      "The quote is beyond the charter's limits: send it again with managerConfirmed set to true to confirm it.",
  },
  ACK_LINK_INVALID: {
    status: 404,
    exit: 1,
    description:
      "The acknowledgement link does not exist, or does not belong to this organization's order.",
  },
  ACK_LINK_EXPIRED: {
    status: 410,
    exit: 1,
    description:
      "The acknowledgement link was already used or has expired: ask the shop for a new one.",
  },
  WARRANTY_EXPIRED: {
    status: 409,
    exit: 1,
    description:
      "The return comes after the warranty end (delivery plus the order's warranty days); register it as goodwill to accept it anyway.",
  },
  ORDER_NOT_DELIVERED: {
    status: 409,
    exit: 1,
    description: "The order has not been delivered yet: there is nothing to return.",
  },
  COMPLAINT_CLOSED: {
    status: 409,
    exit: 1,
    description: "The complaint is already resolved.",
  },
  RELATIONSHIP_ENDED: {
    status: 409,
    exit: 1,
    description:
      "The owner already ended the relationship with this customer: resume it first to record a new parting.",
  },
  RELATIONSHIP_NOT_ENDED: {
    status: 409,
    exit: 1,
    description: "The relationship with this customer is not ended: there is nothing to resume.",
  },
  REMINDER_NOT_POSSIBLE: {
    status: 409,
    exit: 1,
    description:
      "No reminder can go for this invoice now: it is paid or settled by a credit note, paused, under an open complaint, past its formal notice, or has no formal notice waiting; the message says which.",
  },
  THEME_CHANGE_DECIDED: {
    status: 409,
    exit: 1,
    description:
      "The change is already done or declined, and its contributors were told so: record a new change instead.",
  },
  LOGO_TYPE_UNSUPPORTED: {
    status: 415,
    exit: 1,
    description:
      "The logo is not a PNG or JPEG image (its bytes are checked, not its name): send a PNG or JPEG.",
  },
  LOGO_TOO_LARGE: {
    status: 413,
    exit: 1,
    description: "The logo file is above the limit (2 MB); it is downscaled once accepted.",
  },
  INVOICE_NOT_ISSUED: {
    status: 409,
    exit: 1,
    description:
      "The invoice is a draft: its PDF and XML exist once it is issued (numbered and frozen).",
  },
  INVOICE_ISSUED: {
    status: 409,
    exit: 1,
    description:
      "The invoice is issued: it can no longer be changed or deleted; correct it with a credit note.",
  },
  INVOICE_NUMBER_TAKEN: {
    status: 409,
    exit: 1,
    description:
      "The next number of the series is already an invoice in the ledger (an imported one): the owner sets another series before issuing.",
  },
  INVOICE_NOT_FOUND: {
    status: 404,
    exit: 1,
    description: "No invoice has that number (id) in this organization.",
  },
  PAYMENT_NOT_DUE: {
    status: 409,
    exit: 1,
    description:
      "Nothing is left to pay on the invoice (paid in full, or settled by credit notes).",
  },
  PAYMENT_EXCEEDS_BALANCE: {
    status: 409,
    exit: 1,
    description:
      "The payment is above what is left to pay on the invoice: overpayment is refused (give change, or record the balance only).",
  },
  REFUND_NOT_DUE: {
    status: 409,
    exit: 1,
    description:
      "A refund gives back what the customer paid beyond what they owe, and on this invoice they paid nothing beyond it.",
  },
  REFUND_EXCEEDS_CREDIT: {
    status: 409,
    exit: 1,
    description: "The refund is above what the customer paid beyond what they owe on the invoice.",
  },
  JOURNAL_BROKEN: {
    status: 500,
    exit: 3,
    description:
      "The payment journal's verification found a broken chain (an entry or closure changed, removed or inserted): see docs/payments.md.",
  },
  TIMER_RUNNING: {
    status: 409,
    exit: 1,
    description:
      "A timer of yours is already running: stop it (its time is logged) or discard it before starting another.",
  },
  TIMER_NOT_RUNNING: {
    status: 409,
    exit: 1,
    description: "No timer of yours is running: there is nothing to stop or discard.",
  },
  SURVEY_REFUSED: {
    status: 409,
    exit: 1,
    description:
      "The survey cannot go to this customer: no e-mail address, they opted out, the relationship was ended, or they had a survey less than 90 days ago.",
  },
  SURVEY_LINK_INVALID: {
    status: 404,
    exit: 1,
    description: "The survey link does not exist, or belongs to another organization.",
  },
  SURVEY_LINK_EXPIRED: {
    status: 410,
    exit: 1,
    description:
      "The survey link has expired (30 days), or its answer can no longer be changed (7 days after it was given).",
  },
  INTERNAL: {
    status: 500,
    exit: 1,
    description: "An unexpected error; it is logged on the server and its details are not shown.",
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
