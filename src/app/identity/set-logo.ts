/**
 * The organization's logo (owner only): a PNG or JPEG, recognised by its bytes (not its name
 * or the type the browser claims), at most 2 MB, turned upright, downscaled to fit 600 x 300
 * pixels and stripped of its metadata, then kept as a new identity version. A wrong type or
 * size is refused with its own code and a message naming the limit; nothing changes.
 */
import { createHash } from "node:crypto";
import { AppError } from "../../domain/errors.ts";
import { identityNamed, type Lang } from "../../domain/organization-identity.ts";
import {
  appendIdentity,
  findIdentity,
  type IdentityVersion,
  insertLogo,
  type Logo,
} from "../../store/identity-repository.ts";
import { type IdentityContext, requireIdentityEditor } from "./identity-support.ts";

export const LOGO_TYPES = ["image/png", "image/jpeg"] as const;
export const MAX_LOGO_BYTES = 2_000_000;
/** The box a logo is downscaled into: room for a letterhead, not a poster. */
export const LOGO_BOX = { width: 600, height: 300 } as const;
/** Above this many pixels a file is refused before it is decoded (a "decompression bomb"). */
const MAX_INPUT_PIXELS = 50_000_000;

const T = {
  fr: {
    empty: "logo: le fichier est vide",
    tooLarge: (size: string, max: string) =>
      `logo: le fichier fait ${size}, au-delà de la limite de ${max}`,
    type: (found: string) =>
      `logo: ce fichier est au format ${found} ; envoyez une image PNG ou JPEG`,
    unknown: "logo: ce fichier n'est pas une image reconnue ; envoyez une image PNG ou JPEG",
    unreadable: "logo: l'image ne peut pas être lue (fichier abîmé ou trop grand en pixels)",
  },
  en: {
    empty: "logo: the file is empty",
    tooLarge: (size: string, max: string) => `logo: the file is ${size}, above the limit of ${max}`,
    type: (found: string) => `logo: this file is in ${found} format; send a PNG or JPEG image`,
    unknown: "logo: this file is not a recognised image; send a PNG or JPEG image",
    unreadable: "logo: the image cannot be read (a damaged file, or too many pixels)",
  },
} as const;

const megabytes = (bytes: number, lang: Lang) =>
  `${new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 1 }).format(bytes / 1_000_000)} ${lang === "fr" ? "Mo" : "MB"}`;

/** Checks and downscales the file; the logo to keep, or a typed refusal. */
export async function prepareLogo(data: Buffer, lang: Lang): Promise<Logo> {
  const L = T[lang];
  if (data.length === 0) throw new AppError("BAD_INPUT", L.empty);
  if (data.length > MAX_LOGO_BYTES) {
    throw new AppError(
      "LOGO_TOO_LARGE",
      L.tooLarge(megabytes(data.length, lang), megabytes(MAX_LOGO_BYTES, lang)),
    );
  }
  // Both load on the first logo, not at the server's start.
  const { fileTypeFromBuffer } = await import("file-type");
  const type = await fileTypeFromBuffer(data);
  if (!type || !(LOGO_TYPES as readonly string[]).includes(type.mime)) {
    throw new AppError(
      "LOGO_TYPE_UNSUPPORTED",
      type ? L.type(`${type.ext.toUpperCase()} (${type.mime})`) : L.unknown,
    );
  }
  const { default: sharp } = await import("sharp");
  try {
    const image = sharp(data, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate()
      .resize({ ...LOGO_BOX, fit: "inside", withoutEnlargement: true });
    const png = type.mime === "image/png";
    const { data: out, info } = await (png
      ? image.png({ compressionLevel: 9 })
      : image.jpeg({ quality: 85, mozjpeg: true })
    ).toBuffer({ resolveWithObject: true });
    return {
      id: createHash("sha256").update(out).digest("hex").slice(0, 20),
      contentType: png ? "image/png" : "image/jpeg",
      width: info.width,
      height: info.height,
      data: out,
    };
  } catch {
    throw new AppError("BAD_INPUT", L.unreadable);
  }
}

/** Sets the logo; the rest of the identity stays as it was (the name alone before a first save). */
export async function setLogo(ctx: IdentityContext, data: Buffer): Promise<IdentityVersion> {
  requireIdentityEditor(ctx);
  const logo = await prepareLogo(data, ctx.lang);
  return replaceLogo(ctx, logo);
}

/** Keeps `logo` (or none) as a new version of the identity, the other fields unchanged. */
export async function replaceLogo(
  ctx: IdentityContext,
  logo: Logo | null,
): Promise<IdentityVersion> {
  return ctx.store.db.transaction().execute(async (trx) => {
    if (logo) await insertLogo(trx, ctx.org.id, logo);
    const current = await findIdentity(trx, ctx.org.id);
    return appendIdentity(trx, ctx.org.id, {
      identity: current?.identity ?? identityNamed(ctx.org.name),
      logoId: logo?.id ?? null,
      savedBy: ctx.actor.userId,
    });
  });
}
