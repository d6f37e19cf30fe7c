/**
 * API tokens for scripts: a random secret shown once, stored as its SHA-256 hash, scoped to
 * one organization of its creator and a role no higher than theirs, expiring after a chosen
 * number of days (90 unless said otherwise, at most 365).
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { DEFAULT_TOKEN_DAYS } from "../../domain/api-tokens.ts";
import { AppError } from "../../domain/errors.ts";
import { lowerRole, type Role } from "../../domain/policies.ts";
import { type ApiTokenRow, insertApiToken } from "../../store/api-token-repository.ts";
import type { Store } from "../../store/database.ts";
import { findRole } from "../../store/membership-repository.ts";
import { findOrganization, type Organization } from "../../store/organization-repository.ts";

export const TOKEN_PREFIX = "cpt_";
const DAY_MS = 24 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface CreateApiTokenInput {
  name: string;
  /** The organization's slug: the token acts there only. */
  org: string;
  role: Role;
  /** Days until it expires (default 90). */
  expiresInDays?: number;
}

/**
 * @example const { token } = await createApiToken(store, user.id,
 *   { name: "nightly import", org: "shop", role: "manager" })
 */
export async function createApiToken(
  store: Store,
  userId: string,
  input: CreateApiTokenInput,
  now: Date = new Date(),
): Promise<{ row: ApiTokenRow; org: Organization; token: string }> {
  const org = await findOrganization(store, input.org);
  const creatorRole = org ? await findRole(store, org.id, userId) : undefined;
  if (!org || !creatorRole) {
    throw new AppError("ORGANIZATION_NOT_FOUND", `org: no organization "${input.org}" among yours`);
  }
  if (lowerRole(input.role, creatorRole) !== input.role) {
    throw new AppError(
      "FORBIDDEN",
      `role: your role in ${org.name} is ${creatorRole}; a token cannot have more (${input.role})`,
    );
  }
  const days = input.expiresInDays ?? DEFAULT_TOKEN_DAYS;
  const token = `${TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  const row: ApiTokenRow = {
    id: randomUUID(),
    user_id: userId,
    name: input.name,
    prefix: token.slice(0, 8),
    token_hash: hashToken(token),
    created_at: now.toISOString(),
    last_used_at: null,
    org_id: org.id,
    role: input.role,
    expires_at: new Date(now.getTime() + days * DAY_MS).toISOString(),
  };
  await insertApiToken(store, row);
  return { row, org, token };
}
