/** Photos taken at intake, stored in the database (base64) with the order's organization. */
import type { IntakeDb } from "./intake-schema.ts";

export interface PhotoInfo {
  id: string;
  contentType: string;
  size: number;
  createdAt: number;
}

export async function insertPhoto(
  db: IntakeDb,
  orgId: string,
  photo: PhotoInfo & { orderId: string; data: Buffer },
): Promise<void> {
  await db
    .insertInto("intake_photos")
    .values({
      id: photo.id,
      org_id: orgId,
      order_id: photo.orderId,
      content_type: photo.contentType,
      size: photo.size,
      data: photo.data.toString("base64"),
      created_at: new Date(photo.createdAt).toISOString(),
    })
    .execute();
}

export async function listPhotos(
  db: IntakeDb,
  orgId: string,
  orderId: string,
): Promise<PhotoInfo[]> {
  const rows = await db
    .selectFrom("intake_photos")
    .select(["id", "content_type", "size", "created_at"])
    .where("org_id", "=", orgId)
    .where("order_id", "=", orderId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    contentType: r.content_type,
    size: r.size,
    createdAt: Date.parse(r.created_at),
  }));
}

export async function readPhoto(
  db: IntakeDb,
  orgId: string,
  orderId: string,
  id: string,
): Promise<{ contentType: string; data: Buffer } | undefined> {
  const row = await db
    .selectFrom("intake_photos")
    .select(["content_type", "data"])
    .where("org_id", "=", orgId)
    .where("order_id", "=", orderId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? { contentType: row.content_type, data: Buffer.from(row.data, "base64") } : undefined;
}
