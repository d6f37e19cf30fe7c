/**
 * better-auth's error answers (`{code: "INVALID_EMAIL_OR_PASSWORD", message}`) as catalogue
 * codes, naming the field where there is one.
 * @example authErrorOf(400, '{"code":"VALIDATION_ERROR","message":"[body.email] Invalid email address"}')
 *   // {code: "BAD_INPUT", message: "email: Invalid email address", field: "email"}
 */
import type { ErrorCode } from "../../domain/errors.ts";

export interface AuthFailure {
  code: ErrorCode;
  message: string;
  field?: string;
}

const BY_CODE: Record<string, { code: ErrorCode; field?: string; message?: string }> = {
  INVALID_EMAIL_OR_PASSWORD: { code: "INVALID_CREDENTIALS" },
  // Only a server-side sign-up can meet these (the public route answers alike either way).
  USER_ALREADY_EXISTS: { code: "BAD_INPUT", field: "email", message: "sign in instead" },
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: {
    code: "BAD_INPUT",
    field: "email",
    message: "sign in instead",
  },
  INVALID_TOKEN: { code: "LINK_INVALID", field: "token" },
  TOKEN_EXPIRED: { code: "LINK_INVALID", field: "token" },
  USER_NOT_FOUND: { code: "LINK_INVALID", field: "token" },
  INVALID_EMAIL: { code: "BAD_INPUT", field: "email" },
  // send-verification-email for another address than the signed-in user's.
  EMAIL_MISMATCH: { code: "BAD_INPUT", field: "email" },
  PASSWORD_TOO_SHORT: { code: "BAD_INPUT", field: "password", message: "at least 8 characters" },
  PASSWORD_TOO_LONG: { code: "BAD_INPUT", field: "password", message: "at most 128 characters" },
  INVALID_ORIGIN: { code: "CSRF_REJECTED", field: "origin" },
  MISSING_OR_NULL_ORIGIN: { code: "CSRF_REJECTED", field: "origin" },
  CROSS_SITE_NAVIGATION_LOGIN_BLOCKED: { code: "CSRF_REJECTED", field: "origin" },
};

const BY_STATUS: Record<number, ErrorCode> = {
  400: "BAD_INPUT",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  422: "BAD_INPUT",
  429: "RATE_LIMITED",
};

export function authErrorOf(status: number, text: string): AuthFailure {
  let body: { code?: unknown; message?: unknown } = {};
  try {
    body = (text ? JSON.parse(text) : {}) ?? {};
  } catch {
    // Not JSON: the status alone says what happened.
  }
  const upstream = typeof body.code === "string" ? body.code : "";
  let message = typeof body.message === "string" && body.message ? body.message : `HTTP ${status}`;
  // better-auth's validation errors say `[body.email] Invalid email address`.
  const validation = /^\[body\.([\w.]+)\]\s*(.*)$/.exec(message);
  if (validation) {
    return {
      code: "BAD_INPUT",
      message: `${validation[1]}: ${validation[2]}`,
      field: validation[1],
    };
  }
  const known = BY_CODE[upstream];
  if (known) {
    if (known.message) message = `${message} (${known.message})`;
    return known.field
      ? { code: known.code, message: `${known.field}: ${message}`, field: known.field }
      : { code: known.code, message };
  }
  if (status >= 500) return { code: "INTERNAL", message: "Sign-in failed on the server." };
  return { code: BY_STATUS[status] ?? "BAD_INPUT", message };
}
