/** Acknowledgement links: the hash of the secret, the order it opens, expiry and use. */
import type { IntakeAckLinkTable, IntakeDb } from "./intake-schema.ts";

export type AckLinkRow = IntakeAckLinkTable;

export async function insertAckLink(db: IntakeDb, row: AckLinkRow): Promise<void> {
  await db.insertInto("intake_ack_links").values(row).execute();
}

/** Looked up by the hash alone: the secret is what identifies the link. */
export async function findAckLinkByHash(
  db: IntakeDb,
  tokenHash: string,
): Promise<AckLinkRow | undefined> {
  return db
    .selectFrom("intake_ack_links")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
}

/** Marks the link used; false when it already was (two submissions racing: one wins). */
export async function useAckLink(
  db: IntakeDb,
  orgId: string,
  id: string,
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable("intake_ack_links")
    .set({ used_at: new Date(at).toISOString() })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
