/**
 * An A4 PDF being written with pdfkit: the document, the promise of its bytes once `doc.end()`
 * is called, and `line(label, value)` for a bold label followed by its value. Every document
 * embeds its fonts (FONT, DejaVu Sans); `pdfa: true` makes it a PDF/A-3b file (XMP
 * identification, the sRGB output intent pdfkit ships), as invoices must be.
 * @example const { doc, done, line } = pdfDocument({ margin: 60, title: "Reçu", author: org.name });
 */
import PDFDocument from "pdfkit";
import { plainSpaces } from "../relationships/draft-parting-letter.ts";
import { FONT, registerFonts } from "./pdf-fonts.ts";

export interface PdfOptions {
  margin: number;
  title: string;
  author: string;
  subject?: string;
  /** The document's language (BCP 47, "fr" or "en"), for readers and screen readers. */
  lang?: string;
  /** PDF/A-3b (ISO 19005-3, level B): what an invoice carrying its Factur-X XML must be. */
  pdfa?: boolean;
  /** The dates written into the file (default now): a fixed one gives the same bytes twice. */
  createdAt?: Date;
}

export interface Pdf {
  doc: PDFKit.PDFDocument;
  /** Resolves with the whole file after `doc.end()`. */
  done: Promise<Buffer>;
  line(label: string, value: string): PDFKit.PDFDocument;
}

export function pdfDocument(options: PdfOptions): Pdf {
  const { margin, title, author, subject, lang, pdfa, createdAt } = options;
  const doc = new PDFDocument({
    size: "A4",
    margin,
    // No standard font is loaded: registerFonts below sets the embedded one.
    font: "",
    lang,
    displayTitle: true,
    info: {
      Title: title,
      Author: author,
      ...(subject ? { Subject: subject } : {}),
      Creator: "Comptoir",
      Producer: "Comptoir (pdfkit)",
      // No ModDate: pdfkit's XMP has no xmp:ModifyDate to match it, which PDF/A requires.
      CreationDate: createdAt ?? new Date(),
    },
    ...(pdfa ? { pdfVersion: "1.7" as const, subset: "PDF/A-3b" as const } : {}),
  });
  registerFonts(doc);
  escapeXmpInfo(doc);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  // Values keep to plain spaces: what pdftotext gives back is then what a reader searches for.
  const line = (label: string, value: string) =>
    doc
      .font(FONT.bold)
      .text(`${label} : `, { continued: true })
      .font(FONT.regular)
      .text(plainSpaces(value));
  return { doc, done, line };
}

const escapeXml = (v: unknown) =>
  typeof v === "string" ? v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : v;

/**
 * pdfkit copies the title, author and subject into the XMP metadata without escaping them: a
 * shop named "Dupont & Fils" would make that metadata invalid XML (and the PDF/A invalid).
 * They are escaped there only, while pdfkit writes the XMP; the Info dictionary keeps them as
 * they are.
 */
function escapeXmpInfo(doc: PDFKit.PDFDocument): void {
  const internal = doc as unknown as { _addInfo(): void; info: Record<string, unknown> };
  const addInfo = internal._addInfo.bind(doc);
  internal._addInfo = () => {
    const info = internal.info;
    internal.info = Object.fromEntries(Object.entries(info).map(([k, v]) => [k, escapeXml(v)]));
    try {
      addInfo();
    } finally {
      internal.info = info;
    }
  };
}
