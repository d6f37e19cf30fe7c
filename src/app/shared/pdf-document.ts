/**
 * An A4 PDF being written with pdfkit: the document, the promise of its bytes once `doc.end()`
 * is called, and `line(label, value)` for a bold label followed by its value.
 * @example const { doc, done, line } = pdfDocument({ margin: 60, title: "Reçu", author: org.name });
 */
import PDFDocument from "pdfkit";
import { plainSpaces } from "../relationships/draft-parting-letter.ts";

export interface PdfOptions {
  margin: number;
  title: string;
  author: string;
}

export interface Pdf {
  doc: PDFKit.PDFDocument;
  /** Resolves with the whole file after `doc.end()`. */
  done: Promise<Buffer>;
  line(label: string, value: string): PDFKit.PDFDocument;
}

export function pdfDocument({ margin, title, author }: PdfOptions): Pdf {
  const doc = new PDFDocument({ size: "A4", margin, info: { Title: title, Author: author } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  // Standard PDF fonts are WinAnsi: the value's narrow and no-break spaces become plain ones.
  const line = (label: string, value: string) =>
    doc
      .font("Helvetica-Bold")
      .text(`${label} : `, { continued: true })
      .font("Helvetica")
      .text(plainSpaces(value));
  return { doc, done, line };
}
