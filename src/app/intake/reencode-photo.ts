/**
 * A photo is what its bytes say, not what its upload claims: the bytes must be a JPEG, PNG or
 * WebP image (file-type), and the image is decoded and written anew (sharp) in the same
 * format, turned upright, without its metadata (EXIF, GPS position, comments). What is stored
 * and served is then an image and nothing else: HTML labelled `image/png` is refused.
 */
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { AppError } from "../../domain/errors.ts";

export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** Larger than any phone's photo (200 megapixels); a "decompression bomb" stops here. */
const MAX_PIXELS = 200_000_000;

/**
 * @example const { contentType, data } = await reencodePhoto(upload.data, upload.contentType)
 */
export async function reencodePhoto(
  data: Buffer,
  declared: string,
): Promise<{ contentType: PhotoType; data: Buffer }> {
  const found = await fileTypeFromBuffer(data);
  const type = PHOTO_TYPES.find((t) => t === found?.mime);
  if (!type) {
    const what = found ? `a ${found.ext.toUpperCase()} file (${found.mime})` : "not an image";
    throw new AppError(
      "BAD_INPUT",
      `data: the file is ${what}, though sent as ${declared}: send a JPEG, PNG or WebP photo`,
    );
  }
  try {
    const image = sharp(data, { limitInputPixels: MAX_PIXELS }).rotate();
    const out =
      type === "image/jpeg"
        ? await image.jpeg({ quality: 85, mozjpeg: true }).toBuffer()
        : type === "image/png"
          ? await image.png().toBuffer()
          : await image.webp({ quality: 85 }).toBuffer();
    return { contentType: type, data: out };
  } catch (error) {
    throw new AppError(
      "BAD_INPUT",
      `data: the ${type.slice(6).toUpperCase()} image cannot be read (${(error as Error).message})`,
    );
  }
}
