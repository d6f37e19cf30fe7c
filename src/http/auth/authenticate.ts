/**
 * Who is calling: a better-auth session (cookie) or an API token (`Authorization: Bearer
 * cpt_...`). Runs on every /api request outside /api/auth, and refuses cookie-authenticated
 * writes that lack the CSRF header or come from another origin.
 */

import { fromNodeHeaders } from "better-auth/node";
import type { FastifyInstance, FastifyRequest } from "fastify";
import {
  authenticateApiToken,
  type TokenScope,
} from "../../app/accounts/authenticate-api-token.ts";
import { AppError } from "../../domain/errors.ts";
import type { Store } from "../../store/database.ts";
import { CSRF_HEADER } from "../contract.ts";
import type { Auth } from "./create-auth.ts";
import { trustedOrigins } from "./trusted-origins.ts";

export interface Actor {
  userId: string;
  email: string;
  name: string;
  emailVerified: boolean;
  via: "cookie" | "token";
  /** With an API token: its one organization and role (capped by the user's current role). */
  token?: TokenScope;
}

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function installAuthentication(
  app: FastifyInstance,
  store: Store,
  auth: Auth,
  publicUrl: string,
): void {
  const origins = trustedOrigins(publicUrl);
  app.decorateRequest("actor", null);
  app.addHook("preHandler", async (request) => {
    if (!request.url.startsWith("/api/") || request.url.startsWith("/api/auth/")) return;
    request.actor = await resolveActor(request, store, auth);
    if (request.actor?.via === "cookie" && !SAFE_METHODS.has(request.method)) {
      checkCsrf(request, origins);
    }
  });
}

async function resolveActor(
  request: FastifyRequest,
  store: Store,
  auth: Auth,
): Promise<Actor | null> {
  const header = request.headers.authorization;
  if (header?.startsWith("Bearer ")) {
    const token = await authenticateApiToken(store, header.slice(7).trim());
    const user = await store.db
      .selectFrom("user")
      .select(["id", "email", "name", "emailVerified"])
      .where("id", "=", token.userId)
      .executeTakeFirst();
    if (!user) throw new AppError("UNAUTHENTICATED", "authorization: the token's user is gone");
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      emailVerified: Boolean(user.emailVerified),
      via: "token",
      token,
    };
  }
  if (!request.headers.cookie) return null;
  const session = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
  if (!session) return null;
  const { user } = session;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    emailVerified: Boolean(user.emailVerified),
    via: "cookie",
  };
}

/**
 * A cross-site form or script cannot set a custom header without a CORS preflight, which
 * this server never grants; the Origin check covers browsers that send one.
 */
function checkCsrf(request: FastifyRequest, origins: string[]): void {
  if (request.headers[CSRF_HEADER] === undefined) {
    throw new AppError(
      "CSRF_REJECTED",
      `${CSRF_HEADER}: header required on cookie-authenticated writes`,
    );
  }
  const sent = request.headers.origin;
  if (sent !== undefined && !origins.includes(sent)) {
    throw new AppError("CSRF_REJECTED", `origin: ${sent} is not ${origins[0]}`);
  }
}

/** The signed-in user, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("UNAUTHENTICATED", "sign in first");
  return request.actor;
}

/**
 * The user signed in with a session cookie, or 401; 403 `TOKEN_NOT_ALLOWED` for an API token,
 * which acts in one organization only and may not, for one, make tokens that outlive it.
 * `what` completes "an API token cannot ...".
 * @example requireSession(request, "create API tokens")
 */
export function requireSession(request: FastifyRequest, what: string): Actor {
  const actor = requireActor(request);
  if (actor.via === "token") {
    throw new AppError(
      "TOKEN_NOT_ALLOWED",
      `authorization: an API token cannot ${what}; sign in to do it`,
    );
  }
  return actor;
}
