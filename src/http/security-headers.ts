/**
 * Security headers on every response, of every kind: the web app, the API, PDFs, photos,
 * static files, errors (@fastify/helmet, registered for the whole server). Choices, and why
 * (docs/security.md):
 * - scripts only from the app's own files (`script-src 'self'`, no inline script anywhere);
 * - styles from its files and inline (`style-src 'self' 'unsafe-inline'`): Mantine writes its
 *   CSS variables in a `<style>` element and the acknowledgement page has one; a nonce would
 *   make index.html a per-request template (no longer a static, cacheable file) to guard
 *   against CSS injection, which needs an HTML injection first, which React's escaping and
 *   the script policy already stop;
 * - never framed (`frame-ancestors 'none'`), nothing sniffed, no referrer (links to the
 *   acknowledgement page carry a secret), HSTS only when the public address is https (on
 *   http://localhost it would pin the browser to https for a year).
 * API answers are `Cache-Control: no-store`: they hold personal data (customers, photos,
 * letters), which no browser or proxy should keep.
 */
import fastifyHelmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

export function contentSecurityPolicy(https: boolean): Record<string, string[] | null> {
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "script-src-attr": ["'none'"],
    "upgrade-insecure-requests": https ? [] : null,
  };
}

export async function installSecurityHeaders(
  app: FastifyInstance,
  publicUrl: string,
): Promise<void> {
  const https = publicUrl.startsWith("https:");
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https) },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "no-referrer" },
    frameguard: { action: "deny" },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook("onSend", async (request, reply, payload) => {
    // The API and the acknowledgement page (a customer's order, by a secret link).
    if (request.url.startsWith("/api/") || request.url.startsWith("/ack/")) {
      reply.header("cache-control", "no-store");
    }
    return payload;
  });
}
