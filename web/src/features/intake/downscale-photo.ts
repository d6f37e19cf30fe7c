/**
 * Phone photos are often 3 to 8 MB: before upload, a photo larger than the API's limit or
 * longer than MAX_SIDE pixels is redrawn on a canvas, its longest side at most MAX_SIDE, and
 * encoded as JPEG at QUALITY (a 12-megapixel photo becomes about 300 kB). Smaller images go
 * up as they are. Without canvas support the file goes up unchanged (the API then names the
 * limit if it is too big).
 */
export const MAX_SIDE = 1600;
export const QUALITY = 0.85;
/** The API's limit (src/app/intake/add-intake-photo.ts). */
export const MAX_PHOTO_BYTES = 1_500_000;

export interface PhotoUpload {
  contentType: string;
  /** Base64, without the data URL prefix. */
  data: string;
}

function base64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** The size to draw at: the longest side brought down to `max`, the ratio kept. */
export function fitWithin(width: number, height: number, max = MAX_SIDE) {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** @example const { contentType, data } = await preparePhoto(input.files[0]) */
export async function preparePhoto(file: Blob): Promise<PhotoUpload> {
  if (typeof createImageBitmap !== "function") {
    return { contentType: file.type, data: await base64(file) };
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { contentType: file.type, data: await base64(file) };
  }
  const small = file.size <= MAX_PHOTO_BYTES && Math.max(bitmap.width, bitmap.height) <= MAX_SIDE;
  if (small) {
    bitmap.close();
    return { contentType: file.type, data: await base64(file) };
  }
  const size = fitWithin(bitmap.width, bitmap.height);
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext("2d");
  if (!context) {
    bitmap.close();
    return { contentType: file.type, data: await base64(file) };
  }
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  const jpeg = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, "image/jpeg", QUALITY),
  );
  if (!jpeg) return { contentType: file.type, data: await base64(file) };
  return { contentType: "image/jpeg", data: await base64(jpeg) };
}
