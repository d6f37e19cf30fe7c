/** API tokens for scripts: a random secret shown once, stored as its SHA-256 hash. */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { insertApiToken } from "../../store/api-token-repository.ts";
import type { Store } from "../../store/database.ts";

export const TOKEN_PREFIX = "cpt_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** @example const { token } = await createApiToken(store, user.id, "nightly import") */
export async function createApiToken(store: Store, userId: string, name: string) {
  const token = `${TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  const row = {
    id: randomUUID(),
    user_id: userId,
    name,
    prefix: token.slice(0, 8),
    token_hash: hashToken(token),
    created_at: new Date().toISOString(),
    last_used_at: null,
  };
  await insertApiToken(store, row);
  return { row, token };
}
