/**
 * Test support for the identity: a filled-in identity as the owner sends it, a multipart body
 * with one file as a browser sends it, and real images made with sharp.
 * @example await upload(owner, multipart("logo.png", "image/png", await image("png", 800, 400)));
 */
import sharp from "sharp";

export const IDENTITY = {
  legalName: "Martin et Fils",
  legalForm: "SARL",
  shareCapital: 5000,
  address: { street: "3 rue Oberkampf", postalCode: "75011", city: "Paris", country: "FR" },
  siret: "443 061 841 00047",
  vatNumber: "FR 64 443 061 841",
  registration: { kind: "rcs", place: "Paris" },
  email: "atelier@martin.example",
  phone: "01 23 45 67 89",
  website: "www.martin.example",
};

/** A multipart body with one `file` part, as a browser's FormData sends it. */
export function multipart(filename: string, contentType: string, data: Buffer) {
  const boundary = `----comptoir${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** A real image of that size, with some detail so that it does not compress to nothing. */
export async function image(format: "png" | "jpeg" | "gif", width: number, height: number) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7 + (i >> 9) * 13) % 256;
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .toFormat(format)
    .toBuffer();
}
