/**
 * Poppler and libxml2 on a PDF or an XML, for the tests: the text as pdftotext lays it out,
 * the fonts as pdffonts lists them, an embedded file as pdfdetach saves it, and xmllint's
 * verdict against a schema.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const FACTURX_XSD = fileURLToPath(
  new URL("xsd/Factur-X_1.07.3_EN16931.xsd", import.meta.url),
);

function saved(bytes: Buffer | string, name: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "comptoir-doc-")), name);
  writeFileSync(path, bytes);
  return path;
}

/** The text, spaces made plain (Intl writes narrow no-break spaces), lines trimmed. */
export function pdfText(pdf: Buffer): string {
  const text = execFileSync("pdftotext", ["-layout", saved(pdf, "doc.pdf"), "-"], {
    encoding: "utf8",
  });
  return text.replace(/[\u202f\u00a0]/g, " ");
}

/**
 * The text in the order the page writes it (pdftotext -raw: side-by-side blocks do not
 * interleave), every run of white space made one space: mentions wrapped over lines match.
 */
export function pdfFlatText(pdf: Buffer): string {
  const text = execFileSync("pdftotext", ["-raw", saved(pdf, "doc.pdf"), "-"], {
    encoding: "utf8",
  });
  return text.replace(/[\u202f\u00a0]/g, " ").replace(/\s+/g, " ");
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(pdf: Buffer): PdfFont[] {
  const out = execFileSync("pdffonts", [saved(pdf, "doc.pdf")], { encoding: "utf8" });
  return out
    .split("\n")
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      // name, type (may hold spaces), encoding, emb, sub, uni, object, id: read from the end.
      const parts = line.trim().split(/\s+/);
      const embedded = parts[parts.length - 5] === "yes";
      return { name: parts[0] as string, type: parts.slice(1, -6).join(" "), embedded };
    });
}

/** The names of the files embedded in the PDF, as pdfdetach lists them. */
export function pdfAttachments(pdf: Buffer): string[] {
  const out = execFileSync("pdfdetach", ["-list", saved(pdf, "doc.pdf")], { encoding: "utf8" });
  return out
    .split("\n")
    .slice(1)
    .map((line) => line.replace(/^\d+:\s*/, "").trim())
    .filter(Boolean);
}

/** An embedded file's bytes, by its name. */
export function pdfAttachment(pdf: Buffer, name: string): Buffer {
  const path = saved(pdf, "doc.pdf");
  const out = join(mkdtempSync(join(tmpdir(), "comptoir-detach-")), name);
  execFileSync("pdfdetach", ["-savefile", name, "-o", out, path]);
  return readFileSync(out);
}

/** The XMP metadata packet (pdfkit writes it uncompressed). */
export function pdfXmp(pdf: Buffer): string {
  const text = pdf.toString("latin1");
  const start = text.indexOf("<?xpacket begin");
  const end = text.indexOf('<?xpacket end="w"?>');
  if (start < 0 || end < 0) return "";
  return Buffer.from(text.slice(start, end + 19), "latin1").toString("utf8");
}

/** xmllint's verdict: ok, or its messages. Without a schema, only well-formedness. */
export function xmllint(xml: string | Buffer, schema?: string): { ok: boolean; messages: string } {
  const args = ["--noout", ...(schema ? ["--schema", schema] : []), saved(xml, "doc.xml")];
  const run = spawnSync("xmllint", args, { encoding: "utf8" });
  return { ok: run.status === 0, messages: run.stderr };
}
