/**
 * better-auth's routes under /api/auth/*, passed through as a web Request; sign-in is
 * rate-limited per address and e-mail.
 */

import { fromNodeHeaders } from "better-auth/node";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Auth } from "./create-auth.ts";

export interface AuthRouteOptions {
  auth: Auth;
  publicUrl: string;
  /** Sign-in attempts allowed per minute per address and e-mail (default 5). */
  signInPerMinute?: number;
}

export async function authRoutes(app: FastifyInstance, options: AuthRouteOptions): Promise<void> {
  const { auth, publicUrl } = options;
  const handle = async (request: FastifyRequest, reply: import("fastify").FastifyReply) => {
    const url = new URL(request.url, publicUrl);
    const hasBody = request.method !== "GET" && request.method !== "HEAD" && request.body != null;
    const response = await auth.handler(
      new Request(url, {
        method: request.method,
        headers: fromNodeHeaders(request.headers),
        body: hasBody ? JSON.stringify(request.body) : undefined,
      }),
    );
    reply.status(response.status);
    response.headers.forEach((value, key) => {
      if (key !== "set-cookie") reply.header(key, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) reply.header("set-cookie", cookies);
    const text = await response.text();
    return reply.send(text.length > 0 ? text : null);
  };
  app.route({
    method: "POST",
    url: "/api/auth/sign-in/*",
    config: {
      rateLimit: {
        max: options.signInPerMinute ?? 5,
        timeWindow: "1 minute",
        keyGenerator: (request: FastifyRequest) => {
          const email = (request.body as { email?: unknown } | undefined)?.email;
          return `${request.ip}|${typeof email === "string" ? email.toLowerCase() : ""}`;
        },
      },
    },
    schema: { hide: true },
    handler: handle,
  });
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    schema: { hide: true },
    handler: handle,
  });
}
