/**
 * Who a bearer token acts for: its user, its one organization and its role, or a 401 that
 * says why (unknown or revoked, expired, from before tokens were scoped). The role returned
 * is the token's own; the caller caps it with the user's current role in the organization
 * at every request (src/http/org-access.ts), so a demoted member's token loses power at once.
 */
import { AppError } from "../../domain/errors.ts";
import { isRole, type Role } from "../../domain/policies.ts";
import { findApiToken, touchApiToken } from "../../store/api-token-repository.ts";
import type { Store } from "../../store/database.ts";
import { hashToken, TOKEN_PREFIX } from "./create-api-token.ts";

export interface TokenScope {
  tokenId: string;
  userId: string;
  orgId: string;
  role: Role;
}

export async function authenticateApiToken(
  store: Store,
  secret: string,
  now: Date = new Date(),
): Promise<TokenScope> {
  const row = secret.startsWith(TOKEN_PREFIX)
    ? await findApiToken(store, hashToken(secret))
    : undefined;
  if (!row) throw new AppError("UNAUTHENTICATED", "authorization: unknown or revoked API token");
  if (!row.org_id || !isRole(row.role) || !row.expires_at) {
    throw new AppError(
      "UNAUTHENTICATED",
      "authorization: this API token has no organization; revoke it and create a new one",
    );
  }
  if (Date.parse(row.expires_at) <= now.getTime()) {
    throw new AppError(
      "UNAUTHENTICATED",
      `authorization: this API token expired on ${row.expires_at.slice(0, 10)}; create a new one`,
    );
  }
  await touchApiToken(store, row, now);
  return { tokenId: row.id, userId: row.user_id, orgId: row.org_id, role: row.role };
}
