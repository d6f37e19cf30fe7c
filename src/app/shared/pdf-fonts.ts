/**
 * The TrueType fonts every PDF of ours embeds (DejaVu Sans, from the `dejavu-fonts-ttf`
 * package): PDF/A forbids the standard fonts pdfkit uses by default (Helvetica is named, not
 * embedded), and DejaVu has every French character, the euro sign and the narrow no-break
 * space that Intl puts in "1 234,00 €".
 * @example doc.font(FONT.bold).text("Facture");
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** The names our documents call the fonts by (registered on each document by pdfDocument). */
export const FONT = { regular: "Sans", bold: "Sans-Bold" } as const;

const FILES = {
  [FONT.regular]: "dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
  [FONT.bold]: "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
} as const;

// Resolved as a package, from wherever this module runs: the sources in a checkout, or the
// bundle in dist/ (both find node_modules above them).
const require = createRequire(import.meta.url);
let bytes: Record<string, Buffer> | null = null;

/** The fonts' bytes, read once per process (a few hundred kilobytes). */
export function fontFiles(): Record<string, Buffer> {
  if (!bytes) {
    bytes = Object.fromEntries(
      Object.entries(FILES).map(([name, file]) => [name, readFileSync(require.resolve(file))]),
    );
  }
  return bytes;
}

/**
 * The fonts as fontkit parsed them, kept for the next documents: parsing DejaVu's 700 kB
 * again for every invoice cost some 50 ms. pdfkit accepts a parsed font where it takes a file,
 * and subsets it per document, so sharing the parsed font is safe.
 */
const parsed = new Map<string, unknown>();

/** Registers FONT.regular and FONT.bold on a document and makes the regular one current. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, data] of Object.entries(fontFiles())) {
    doc.registerFont(name, (parsed.get(name) ?? data) as Buffer);
    if (!parsed.has(name)) {
      doc.font(name);
      parsed.set(name, (doc as unknown as { _font: { font: unknown } })._font.font);
    }
  }
  doc.font(FONT.regular);
}
