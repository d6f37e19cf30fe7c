/** API tokens for scripts: stored as SHA-256 hashes, each belonging to one user. */
import type { Store } from "./database.ts";
import type { ApiTokenTable } from "./schema.ts";

export type ApiTokenRow = ApiTokenTable;

export async function insertApiToken(store: Store, row: ApiTokenRow): Promise<void> {
  await store.db.insertInto("api_tokens").values(row).execute();
}

export async function listApiTokens(store: Store, userId: string): Promise<ApiTokenRow[]> {
  return store.db
    .selectFrom("api_tokens")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("created_at")
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

/** The token's owner, recording the use. */
export async function findApiTokenUser(
  store: Store,
  tokenHash: string,
): Promise<string | undefined> {
  const row = await store.db
    .selectFrom("api_tokens")
    .select(["id", "user_id"])
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  await store.db
    .updateTable("api_tokens")
    .set({ last_used_at: new Date().toISOString() })
    .where("id", "=", row.id)
    .execute();
  return row.user_id;
}
