/** An organization's own mail server (one row per organization, set by an owner). */
import type { Store } from "./database.ts";
import type { MailSettingTable } from "./schema.ts";

export type MailSettingsRow = MailSettingTable;

export async function findMailSettings(
  store: Store,
  orgId: string,
): Promise<MailSettingsRow | undefined> {
  return store.db
    .selectFrom("mail_settings")
    .selectAll()
    .where("org_id", "=", orgId)
    .executeTakeFirst();
}

export async function saveMailSettings(store: Store, row: MailSettingsRow): Promise<void> {
  const { org_id: _, ...changes } = row;
  await store.db
    .insertInto("mail_settings")
    .values(row)
    .onConflict((oc) => oc.column("org_id").doUpdateSet(changes))
    .execute();
}

export async function deleteMailSettings(store: Store, orgId: string): Promise<void> {
  await store.db.deleteFrom("mail_settings").where("org_id", "=", orgId).execute();
}

/** The organizations that have a mail server of their own. */
export async function orgsWithMailSettings(store: Store): Promise<string[]> {
  const rows = await store.db.selectFrom("mail_settings").select("org_id").execute();
  return rows.map((r) => r.org_id);
}
