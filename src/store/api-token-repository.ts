/**
 * API tokens for scripts: stored as SHA-256 hashes, each made by one user for one of their
 * organizations, with a role and an expiry. Every query takes the user id or the hash.
 */
import type { Store } from "./database.ts";
import type { ApiTokenTable } from "./schema.ts";

export type ApiTokenRow = ApiTokenTable;

/** A token as its owner sees it: with its organization's slug and name. */
export type ListedApiToken = ApiTokenRow & { org_slug: string | null; org_name: string | null };

export async function insertApiToken(store: Store, row: ApiTokenRow): Promise<void> {
  await store.db.insertInto("api_tokens").values(row).execute();
}

export async function listApiTokens(store: Store, userId: string): Promise<ListedApiToken[]> {
  return store.db
    .selectFrom("api_tokens")
    .leftJoin("organizations", "organizations.id", "api_tokens.org_id")
    .selectAll("api_tokens")
    .select(["organizations.slug as org_slug", "organizations.name as org_name"])
    .where("api_tokens.user_id", "=", userId)
    .orderBy("api_tokens.created_at")
    .orderBy("api_tokens.id")
    .execute();
}

/** Deletes the user's token; false when the user has no such token. */
export async function deleteApiToken(store: Store, userId: string, id: string): Promise<boolean> {
  const result = await store.db
    .deleteFrom("api_tokens")
    .where("user_id", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Revokes every token of the user (their password changed); answers how many. */
export async function deleteUserApiTokens(store: Store, userId: string): Promise<number> {
  const result = await store.db
    .deleteFrom("api_tokens")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The token with this hash, expired or not (the caller decides). */
export async function findApiToken(
  store: Store,
  tokenHash: string,
): Promise<ApiTokenRow | undefined> {
  return store.db
    .selectFrom("api_tokens")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
}

/** Records a use; at most one write a minute per token, so a busy script does not hammer it. */
export async function touchApiToken(store: Store, row: ApiTokenRow, now: Date): Promise<void> {
  const last = row.last_used_at ? Date.parse(row.last_used_at) : 0;
  if (now.getTime() - last < 60_000) return;
  await store.db
    .updateTable("api_tokens")
    .set({ last_used_at: now.toISOString() })
    .where("id", "=", row.id)
    .execute();
}
