/**
 * better-auth's routes under /api/auth/*, passed through as a web Request. Sign-up, sign-in,
 * sign-out and get-session are declared with schemas (validated, and in the OpenAPI document);
 * sign-in is rate-limited per address and e-mail. better-auth's own error bodies
 * (`{code, message}`) are rewritten as Comptoir's `{error: {code, message, field?}}`.
 */

import { fromNodeHeaders } from "better-auth/node";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "../error-handler.ts";
import { authErrorOf } from "./auth-errors.ts";
import {
  getSessionSchema,
  signInSchema,
  signOutSchema,
  signUpSchema,
  updateUserSchema,
} from "./auth-schema.ts";
import type { Auth } from "./create-auth.ts";

export interface AuthRouteOptions {
  auth: Auth;
  publicUrl: string;
  /** Sign-in attempts allowed per minute per address and e-mail (default 5). */
  signInPerMinute?: number;
}

export async function authRoutes(app: FastifyInstance, options: AuthRouteOptions): Promise<void> {
  const { auth, publicUrl } = options;
  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const url = new URL(request.url, publicUrl);
    const hasBody = request.method !== "GET" && request.method !== "HEAD" && request.body != null;
    const response = await auth.handler(
      new Request(url, {
        method: request.method,
        headers: fromNodeHeaders(request.headers),
        body: hasBody ? JSON.stringify(request.body) : undefined,
      }),
    );
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) reply.header("set-cookie", cookies);
    const text = await response.text();
    if (response.status >= 400) {
      const failure = authErrorOf(response.status, text);
      if (failure.code === "INTERNAL") request.log.error({ body: text }, "better-auth failed");
      return sendError(reply, failure.code, failure.message, failure.field);
    }
    reply.status(response.status);
    response.headers.forEach((value, key) => {
      if (key !== "set-cookie" && key !== "content-length") reply.header(key, value);
    });
    // A string is sent as it is: the response schemas only document better-auth's answers.
    return reply.send(text.length > 0 ? text : "null");
  };
  const signInLimit = {
    rateLimit: {
      max: options.signInPerMinute ?? 5,
      timeWindow: "1 minute",
      keyGenerator: (request: FastifyRequest) => {
        const email = (request.body as { email?: unknown } | undefined)?.email;
        return `${request.ip}|${typeof email === "string" ? email.toLowerCase() : ""}`;
      },
    },
  };
  app.post("/api/auth/sign-up/email", { schema: signUpSchema }, handle);
  app.post("/api/auth/sign-in/email", { schema: signInSchema, config: signInLimit }, handle);
  app.post("/api/auth/sign-out", { schema: signOutSchema }, handle);
  app.get("/api/auth/get-session", { schema: getSessionSchema }, handle);
  app.post("/api/auth/update-user", { schema: updateUserSchema }, handle);
  // Any other sign-in method is refused by better-auth (email only), still rate-limited.
  app.post("/api/auth/sign-in/*", { schema: { hide: true }, config: signInLimit }, handle);
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    schema: { hide: true },
    handler: handle,
  });
}
