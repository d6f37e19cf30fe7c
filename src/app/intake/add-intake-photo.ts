/**
 * A photo of the item taken at intake (JPEG, PNG or WebP, up to 1.5 MB), kept with the order,
 * as its bytes say and written anew (reencode-photo.ts).
 */
import { AppError } from "../../domain/errors.ts";
import { insertPhoto, type PhotoInfo } from "../../store/intake-photo-repository.ts";
import { type IntakeContext, inTransaction, newId, nowOf, requireOrder } from "./intake-support.ts";
import { PHOTO_TYPES, reencodePhoto } from "./reencode-photo.ts";

export { PHOTO_TYPES } from "./reencode-photo.ts";
export const MAX_PHOTO_BYTES = 1_500_000;

export async function addIntakePhoto(
  ctx: IntakeContext,
  orderId: string,
  photo: { contentType: string; data: Buffer },
): Promise<PhotoInfo> {
  if (!(PHOTO_TYPES as readonly string[]).includes(photo.contentType)) {
    throw new AppError("BAD_INPUT", `contentType: must be one of ${PHOTO_TYPES.join(", ")}`);
  }
  if (photo.data.length === 0) throw new AppError("BAD_INPUT", "data: the photo is empty");
  if (photo.data.length > MAX_PHOTO_BYTES) {
    const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
    throw new AppError(
      "BAD_INPUT",
      `data: the photo is ${mb(photo.data.length)}, above the limit of ${mb(MAX_PHOTO_BYTES)} (${MAX_PHOTO_BYTES} bytes)`,
    );
  }
  const clean = await reencodePhoto(photo.data, photo.contentType);
  return inTransaction(ctx.store, async (db) => {
    await requireOrder(db, ctx.org.id, orderId);
    const info: PhotoInfo = {
      id: newId("p"),
      contentType: clean.contentType,
      size: clean.data.length,
      createdAt: nowOf(ctx),
    };
    await insertPhoto(db, ctx.org.id, { ...info, orderId, data: clean.data });
    return info;
  });
}
