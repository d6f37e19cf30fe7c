/**
 * The fetch wrapper every query goes through: JSON in and out, the session cookie, the CSRF
 * header on writes (docs/api.md), the interface language, and `{error: {code, message, field}}`
 * turned into an `ApiError`.
 */
import type { ApiError as ApiErrorBody } from "../../../src/http/contract.ts";
import { CSRF_HEADER } from "./csrf.ts";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

let currentLang = "fr";
/** Sent as Accept-Language so that signal messages come back in the interface language. */
export function setApiLanguage(lang: string): void {
  currentLang = lang;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    accept: "application/json",
    "accept-language": currentLang,
  };
  if (method !== "GET") headers[CSRF_HEADER] = "1";
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, {
    method,
    headers,
    body: payload,
    credentials: "same-origin",
  });
  return readResponse<T>(response.status, await response.text());
}

/** Parses a response body; non-2xx statuses become an ApiError. */
export function readResponse<T>(status: number, text: string): T {
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (status >= 200 && status < 300) return json as T;
  throw toApiError(status, json);
}

function toApiError(status: number, json: unknown): ApiError {
  const wrapped = (json as Partial<ApiErrorBody> | undefined)?.error;
  if (wrapped && typeof wrapped === "object") {
    return new ApiError(status, wrapped.code, wrapped.message, wrapped.field);
  }
  // better-auth answers {code, message} without the envelope.
  const flat = json as { code?: string; message?: string } | undefined;
  return new ApiError(status, flat?.code ?? `HTTP_${status}`, flat?.message ?? `HTTP ${status}`);
}

/** `?a=1&b=x` from an object, skipping empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
