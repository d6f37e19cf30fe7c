/**
 * better-auth's routes under /api/auth/*, passed through as a web Request. The ones Comptoir
 * uses are declared with schemas (validated, and in the OpenAPI document): sign-up (behind the
 * sign-up guard), sign-in, sign-out, get-session, the password reset and the verification
 * mail; sign-in and the mails are rate-limited per address and e-mail. better-auth's own error
 * bodies (`{code, message}`) are rewritten as Comptoir's `{error: {code, message, field?}}`.
 */

import { randomBytes } from "node:crypto";
import { fromNodeHeaders } from "better-auth/node";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { checkPasswordStrength } from "../../app/accounts/check-password-strength.ts";
import { AppError } from "../../domain/errors.ts";
import type { findUserByEmail } from "../../store/membership-repository.ts";
import { sendError } from "../error-handler.ts";
import { authErrorOf } from "./auth-errors.ts";
import {
  getSessionSchema,
  requestResetSchema,
  resetPasswordSchema,
  type SignUpBody,
  sendVerificationSchema,
  signInSchema,
  signOutSchema,
  signUpSchema,
  updateUserSchema,
  verifyEmailSchema,
} from "./auth-schema.ts";
import type { Auth } from "./create-auth.ts";
import { trustedOrigins } from "./trusted-origins.ts";

export interface AuthRouteOptions {
  auth: Auth;
  publicUrl: string;
  /** Sign-in attempts allowed per minute per address and e-mail (default 5). */
  signInPerMinute?: number;
  /** Runs before a sign-up reaches better-auth (mode, setup, limits, password strength). */
  guardSignUp: (request: FastifyRequest) => Promise<void>;
  /** The sign-ups answered and still running (the server waits for them on close). */
  signUps: Set<Promise<void>>;
  /** The user whose address the token of a verification link names, if any (not checked). */
  isVerified: (email: string) => Promise<boolean>;
}

interface Forward {
  method: "GET" | "POST";
  /** Path and query under the public URL. */
  url: string;
  body?: unknown;
}

/** The e-mail a verification token names (its payload, unverified: better-auth checks it). */
function tokenEmail(token: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString());
    return typeof payload.email === "string" ? payload.email : undefined;
  } catch {
    return undefined;
  }
}

/** A write from a foreign page is refused at once (the sign-up answers before better-auth). */
function originChecker(publicUrl: string) {
  const origins = trustedOrigins(publicUrl);
  return async (request: FastifyRequest) => {
    const sent = request.headers.origin;
    if (sent !== undefined && !origins.includes(sent)) {
      throw new AppError("CSRF_REJECTED", `origin: ${sent} is not ${origins[0]}`);
    }
  };
}

export async function authRoutes(app: FastifyInstance, options: AuthRouteOptions): Promise<void> {
  const { auth, publicUrl } = options;
  const checkOrigin = originChecker(publicUrl);
  const forward = async (request: FastifyRequest, reply: FastifyReply, to: Forward) => {
    const response = await auth.handler(
      new Request(new URL(to.url, publicUrl), {
        method: to.method,
        headers: fromNodeHeaders(request.headers),
        body: to.body != null ? JSON.stringify(to.body) : undefined,
      }),
    );
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) reply.header("set-cookie", cookies);
    const text = await response.text();
    if (response.status >= 400) {
      const failure = authErrorOf(response.status, text);
      if (failure.code === "INTERNAL")
        request.log.error({ status: response.status }, "better-auth failed");
      sendError(reply, failure.code, failure.message, failure.field);
      return null;
    }
    return { status: response.status, text, headers: response.headers };
  };
  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const hasBody = request.method !== "GET" && request.method !== "HEAD" && request.body != null;
    const answer = await forward(request, reply, {
      method: request.method === "GET" ? "GET" : "POST",
      url: request.url,
      body: hasBody ? request.body : undefined,
    });
    if (!answer) return reply;
    reply.status(answer.status);
    answer.headers.forEach((value, key) => {
      if (key !== "set-cookie" && key !== "content-length") reply.header(key, value);
    });
    // A string is sent as it is: the response schemas only document better-auth's answers.
    return reply.send(answer.text.length > 0 ? answer.text : "null");
  };
  const perMinute = (max: number) => ({
    rateLimit: {
      max,
      timeWindow: "1 minute",
      keyGenerator: (request: FastifyRequest) => {
        const email = (request.body as { email?: unknown } | undefined)?.email;
        return `${request.ip}|${typeof email === "string" ? email.toLowerCase() : ""}`;
      },
    },
  });
  const signInLimit = perMinute(options.signInPerMinute ?? 5);
  // The answer goes out before better-auth looks the address up: the same answer, in the same
  // time, whether the address has an account or not (better-auth, with autoSignIn off, mails
  // the verification link to a new address and a notice to a taken one).
  const signUps = options.signUps;
  app.post(
    "/api/auth/sign-up/email",
    { schema: signUpSchema, preHandler: [checkOrigin, options.guardSignUp] },
    async (request) => {
      const body = request.body as SignUpBody;
      const task = auth
        .handler(
          new Request(new URL("/api/auth/sign-up/email", publicUrl), {
            method: "POST",
            headers: fromNodeHeaders(request.headers),
            body: JSON.stringify(body),
          }),
        )
        .then((response) => {
          if (response.status >= 400)
            request.log.warn({ status: response.status }, "sign-up failed");
        })
        .catch((error: unknown) => request.log.error({ err: error }, "sign-up failed"))
        .finally(() => signUps.delete(task));
      signUps.add(task);
      const now = new Date().toISOString();
      return {
        token: null,
        user: {
          id: randomBytes(16).toString("base64url"),
          email: body.email.toLowerCase(),
          name: body.name,
          emailVerified: false,
          image: null,
          createdAt: now,
          updatedAt: now,
        },
      };
    },
  );
  app.post("/api/auth/sign-in/email", { schema: signInSchema, config: signInLimit }, handle);
  app.post("/api/auth/sign-out", { schema: signOutSchema }, handle);
  app.get("/api/auth/get-session", { schema: getSessionSchema }, handle);
  app.post("/api/auth/update-user", { schema: updateUserSchema }, handle);
  app.post(
    "/api/auth/request-password-reset",
    { schema: requestResetSchema, config: perMinute(3) },
    handle,
  );
  app.post(
    "/api/auth/send-verification-email",
    { schema: sendVerificationSchema, config: perMinute(3) },
    handle,
  );
  app.post(
    "/api/auth/reset-password",
    {
      schema: resetPasswordSchema,
      config: perMinute(10),
      preHandler: async (request) =>
        checkPasswordStrength(
          (request.body as { newPassword: string }).newPassword,
          [],
          "newPassword",
        ),
    },
    handle,
  );
  // The link of the mail opens the web app, which posts the token here: a link works once
  // (better-auth's own answers the same for a used token), and a mail scanner that follows
  // links verifies nothing.
  app.post(
    "/api/account/verify-email",
    { schema: verifyEmailSchema, config: perMinute(10) },
    async (request, reply) => {
      const { token } = request.body as { token: string };
      const email = tokenEmail(token);
      if (email && (await options.isVerified(email))) {
        throw new AppError("LINK_INVALID", "token: this link was already used; sign in");
      }
      const answer = await forward(request, reply, {
        method: "GET",
        url: `/api/auth/verify-email?token=${encodeURIComponent(token)}`,
      });
      if (!answer) return reply;
      return { status: true as const };
    },
  );
  // Any other sign-in method is refused by better-auth (email only), still rate-limited.
  app.post("/api/auth/sign-in/*", { schema: { hide: true }, config: signInLimit }, handle);
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    schema: { hide: true },
    handler: handle,
  });
}

/** Whether the address has an account with a verified address. */
export function verifiedLookup(store: Parameters<typeof findUserByEmail>[0]) {
  return async (email: string): Promise<boolean> => {
    const row = await store.db
      .selectFrom("user")
      .select("emailVerified")
      .where("email", "=", email.toLowerCase())
      .executeTakeFirst();
    return Boolean(row?.emailVerified);
  };
}
