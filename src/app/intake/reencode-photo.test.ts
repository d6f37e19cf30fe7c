import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "../../domain/errors.ts";
import { reencodePhoto } from "./reencode-photo.ts";

const picture = (format: "jpeg" | "png" | "webp") =>
  sharp({ create: { width: 8, height: 6, channels: 3, background: "#3a7" } })
    .withMetadata({ exif: { IFD0: { ImageDescription: "chez Mme Martin, 12 rue des Lilas" } } })
    .toFormat(format)
    .toBuffer();

async function refusal(data: Buffer, declared: string): Promise<AppError> {
  const error = await reencodePhoto(data, declared).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("photo bytes", () => {
  it.each(["jpeg", "png", "webp"] as const)(
    "keeps a %s as one, written anew without its metadata",
    async (format) => {
      const original = await picture(format);
      expect(original.toString("latin1")).toContain("rue des Lilas");
      const { contentType, data } = await reencodePhoto(original, `image/${format}`);
      expect(contentType).toBe(`image/${format}`);
      expect((await fileTypeFromBuffer(data))?.mime).toBe(`image/${format}`);
      expect(await sharp(data).metadata()).toMatchObject({ width: 8, height: 6 });
      expect(data.toString("latin1")).not.toContain("rue des Lilas");
    },
  );

  it("refuses HTML labelled image/png, saying what it is", async () => {
    const error = await refusal(
      Buffer.from("<!doctype html><html><script>alert(document.cookie)</script></html>"),
      "image/png",
    );
    expect(error.message).toBe(
      "data: the file is not an image, though sent as image/png: send a JPEG, PNG or WebP photo",
    );
  });

  it("refuses another kind of file by its name", async () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
    const error = await refusal(pdf, "image/jpeg");
    expect(error.message).toMatch(/^data: the file is a PDF file \(application\/pdf\)/);
  });

  it("refuses a GIF, an image but not a photo format kept here", async () => {
    const gif = await sharp({ create: { width: 2, height: 2, channels: 3, background: "#000" } })
      .gif()
      .toBuffer();
    expect((await refusal(gif, "image/png")).message).toContain("a GIF file (image/gif)");
  });

  it("refuses a photo whose bytes stop short", async () => {
    const jpeg = await picture("jpeg");
    const error = await refusal(jpeg.subarray(0, 40), "image/jpeg");
    expect(error.message).toMatch(/^data: the JPEG image cannot be read/);
  });

  it("stores what the bytes are when the label is another photo format", async () => {
    const { contentType } = await reencodePhoto(await picture("webp"), "image/jpeg");
    expect(contentType).toBe("image/webp");
  });
});
