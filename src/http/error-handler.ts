/**
 * One place maps failures to `{error: {code, message, field?}}`: AppError by its catalogue
 * status, schema validation as BAD_INPUT naming the field, Fastify's own 4xx (body too large,
 * bad JSON, wrong media type, multipart limits) by their status to a catalogue code; anything
 * else is logged and answered 500 INTERNAL without details.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, ERROR_CATALOGUE, type ErrorCode } from "../domain/errors.ts";
import { isDatabaseUnavailable } from "../store/database-faults.ts";

export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  field?: string,
): FastifyReply {
  return reply
    .status(ERROR_CATALOGUE[code].status)
    .send({ error: field ? { code, message, field } : { code, message } });
}

/** `price: must be a number` → `price` (the convention of every BAD_INPUT message). */
function fieldOf(error: AppError): string | undefined {
  const details = error.details as { field?: string }[] | undefined;
  if (Array.isArray(details) && typeof details[0]?.field === "string") return details[0].field;
  const match = /^([\w.[\]-]+): /.exec(error.message);
  return match?.[1];
}

/** Fastify's and its plugins' 4xx statuses, as catalogue codes. */
const STATUS_CODES: Record<number, ErrorCode> = {
  400: "BAD_INPUT",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  // @fastify/multipart's "the request is not multipart".
  406: "UNSUPPORTED_MEDIA_TYPE",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "RATE_LIMITED",
};

/** The part of the request a Fastify error is about: the body, or an uploaded file. */
function fieldOfFastifyError(error: FastifyError): string | undefined {
  if (error.code?.startsWith("FST_ERR_CTP_")) return "body";
  if (error.code === "FST_REQ_FILE_TOO_LARGE" || error.code === "FST_FILES_LIMIT") return "file";
  if (error.code === "FST_INVALID_MULTIPART_CONTENT_TYPE") return "body";
  return undefined;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendError(reply, error.code, error.message, fieldOf(error));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const path = first.instancePath.replace(/^\//, "").replaceAll("/", ".");
      const field = path || String(first.params?.missingProperty ?? error.validationContext ?? "");
      const message = error.validation
        .map((v) => {
          const p = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
          return `${p || error.validationContext || "input"}: ${v.message}`;
        })
        .join("; ");
      return sendError(reply, "BAD_INPUT", message, field || undefined);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const field = fieldOfFastifyError(error);
      const message = field ? `${field}: ${error.message}` : error.message;
      const code = STATUS_CODES[status];
      if (code) return sendError(reply, code, message, field);
      return reply.status(status).send({ error: { code: "BAD_INPUT", message } });
    }
    if (isDatabaseUnavailable(error)) {
      // Not a bug: the database is away (a restart, a failover, a file locked too long). One
      // line in the log, a 503 that says to try again, and the readiness check told at once.
      request.server.databaseState?.markDown(error.message);
      request.log.warn(
        { code: (error as { code?: string }).code },
        `database unavailable: ${error.message}`,
      );
      reply.header("retry-after", "5");
      return sendError(
        reply,
        "DATABASE_UNAVAILABLE",
        "The database cannot be reached right now. Try again in a few seconds.",
      );
    }
    request.log.error({ err: error }, "unexpected error");
    return sendError(reply, "INTERNAL", "Something went wrong on the server; it has been logged.");
  });
}
