/**
 * The server's log (pino), with no secret in any line (issue 15): invitation, acknowledgement
 * and reset links carry their secret in the URL, so request lines show `[secret]` in its place;
 * query values named like a secret are hidden too, and headers that carry credentials are
 * redacted should anything log them. Bodies are never logged. Tested by
 * src/http/request-log.test.ts, which reads the suite's debug log file.
 */
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from "fastify";
import pino from "pino";

export const SECRET_MARK = "[secret]";

/** URL paths whose next segment is a secret, whatever route answers them (or none: a 404). */
const SECRET_PREFIXES = [
  "/api/invitations/",
  "/invitations/",
  "/ack/",
  "/api/auth/reset-password/",
  "/reset-password/",
  "/api/auth/verify-email/",
  "/verify-email/",
];
/** Route parameters and query names that hold secrets. */
const SECRET_NAME = /token|secret|password|signature|code|key/i;

/**
 * The URL as a log line may show it.
 * @example redactUrl("/api/invitations/abc123/accept") // "/api/invitations/[secret]/accept"
 */
export function redactUrl(url: string, routePattern?: string): string {
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  const segments = path.split("/");
  const pattern = routePattern?.split("/");
  const redacted = segments.map((segment, i) => {
    const param = pattern?.[i];
    if (param?.startsWith(":") && SECRET_NAME.test(param)) return SECRET_MARK;
    return segment;
  });
  let line = redacted.join("/");
  for (const prefix of SECRET_PREFIXES) {
    if (line.startsWith(prefix) && line.length > prefix.length) {
      const rest = line.slice(prefix.length);
      const slash = rest.indexOf("/");
      line = `${prefix}${SECRET_MARK}${slash === -1 ? "" : rest.slice(slash)}`;
      break;
    }
  }
  if (q === -1) return line;
  const query = new URLSearchParams(url.slice(q + 1));
  const shown = [...query.entries()].map(([name, value]) =>
    SECRET_NAME.test(name)
      ? `${encodeURIComponent(name)}=${SECRET_MARK}`
      : `${encodeURIComponent(name)}=${encodeURIComponent(value)}`,
  );
  return `${line}?${shown.join("&")}`;
}

export interface LogOptions {
  /** pino level (default LOG_LEVEL, else info). */
  level?: string;
  /** Append to this file instead of stdout (created with its folder). */
  file?: string;
}

/** A pino logger for Fastify's `loggerInstance`, and how to close its file. */
export function createRequestLogger(options: LogOptions): {
  logger: FastifyBaseLogger;
  close(): void;
} {
  const destination = options.file
    ? pino.destination({ dest: options.file, sync: true, mkdir: true })
    : pino.destination(1);
  const logger = pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? "info",
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: redactUrl(request.url, request.routeOptions?.url),
          remoteAddress: request.ip,
        }),
        res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
        err: pino.stdSerializers.err,
      },
      redact: {
        paths: [
          "req.headers.authorization",
          "req.headers.cookie",
          'res.headers["set-cookie"]',
          "headers.authorization",
          "headers.cookie",
        ],
        censor: SECRET_MARK,
      },
    },
    destination,
  );
  return {
    logger,
    close: () => {
      if (options.file) destination.end();
    },
  };
}
