/** Server-wide settings (not organization data): the session signing secret, for one. */
import type { Store } from "./database.ts";

export async function getSetting(store: Store, key: string): Promise<string | undefined> {
  const row = await store.db
    .selectFrom("settings")
    .select("value")
    .where("key", "=", key)
    .executeTakeFirst();
  return row?.value;
}

/** Stores `value` unless the key is already set; returns the value that is stored. */
export async function getOrInitSetting(store: Store, key: string, value: string): Promise<string> {
  await store.db
    .insertInto("settings")
    .values({ key, value })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  return (await getSetting(store, key)) as string;
}
