import { type Charter, resolveCharter, validateCharterPatch } from "../domain/charter.ts";
import { AppError } from "../domain/errors.ts";
import type { Store } from "./database.ts";

/** The keys this organization set itself (without defaults). */
export async function getCharterPatch(store: Store, orgId: string): Promise<Partial<Charter>> {
  const row = await store.db
    .selectFrom("charters")
    .select("data")
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  return row ? (JSON.parse(row.data) as Partial<Charter>) : {};
}

/** The organization's charter with the defaults filled in. */
export async function getCharter(store: Store, orgId: string): Promise<Charter> {
  return resolveCharter(await getCharterPatch(store, orgId));
}

/**
 * Validates and merges `patch` into the stored charter. Invalid input changes nothing and
 * throws BAD_INPUT naming each key.
 */
export async function updateCharter(
  store: Store,
  orgId: string,
  patch: Record<string, unknown>,
): Promise<Charter> {
  const errors = validateCharterPatch(patch);
  if (errors.length > 0) {
    throw new AppError(
      "BAD_INPUT",
      errors.map((e) => `${e.field}: ${e.reason}`).join("\n"),
      errors,
    );
  }
  return store.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("charters")
      .select("data")
      .where("org_id", "=", orgId)
      .executeTakeFirst();
    const merged = { ...(row ? JSON.parse(row.data) : {}), ...patch };
    const data = JSON.stringify(merged);
    const updated_at = new Date().toISOString();
    await trx
      .insertInto("charters")
      .values({ org_id: orgId, data, updated_at })
      .onConflict((oc) => oc.column("org_id").doUpdateSet({ data, updated_at }))
      .execute();
    return resolveCharter(merged);
  });
}
