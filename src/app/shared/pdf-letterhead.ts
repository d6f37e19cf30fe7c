/**
 * Draws the organization's letterhead on a pdfkit document: the logo, the name and the
 * identity's lines at the top of the first page, the legal mentions (SIRET, RCS, VAT) at the
 * foot of every page.
 * @example drawLetterhead(doc, await organizationLetterhead(store, org, "fr"));
 */
import type { Letterhead } from "../identity/organization-letterhead.ts";
import { plainSpaces } from "../relationships/draft-parting-letter.ts";
import { FONT } from "./pdf-fonts.ts";

const LOGO_FIT: [number, number] = [170, 70];

export function drawLetterhead(doc: PDFKit.PDFDocument, head: Letterhead, nameSize = 18): void {
  const left = doc.page.margins.left;
  if (head.logo) {
    const top = doc.y;
    try {
      doc.image(head.logo.data, left, top, { fit: LOGO_FIT });
      // The logo's drawn height: the box scaled to the image's proportions.
      const scale = Math.min(LOGO_FIT[0] / head.logo.width, LOGO_FIT[1] / head.logo.height);
      doc.y = top + head.logo.height * scale + 8;
    } catch {
      // A logo pdfkit cannot read: the name and lines below still say who writes.
    }
    doc.x = left;
  }
  doc.font(FONT.bold).fontSize(nameSize).text(plainSpaces(head.name));
  if (head.lines.length > 0) {
    doc.font(FONT.regular).fontSize(9).fillColor("#333333");
    for (const line of head.lines) doc.text(plainSpaces(line));
    doc.fillColor("black");
  }
  doc.fontSize(11);
  if (head.legal.length > 0) {
    drawFooter(doc, head.legal);
    doc.on("pageAdded", () => drawFooter(doc, head.legal));
  }
}

/** The legal mentions in the bottom margin, without moving where the page's text goes on. */
function drawFooter(doc: PDFKit.PDFDocument, legal: string[]): void {
  const { x, y } = doc;
  const bottom = doc.page.margins.bottom;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  // Writing below the bottom margin would start a new page: lift it while the footer is drawn.
  doc.page.margins.bottom = 0;
  doc.font(FONT.regular).fontSize(8).fillColor("#444444");
  let lineY = doc.page.height - bottom + 10;
  for (const line of legal) {
    doc.text(plainSpaces(line), doc.page.margins.left, lineY, {
      width,
      align: "center",
      lineBreak: false,
    });
    lineY += 11;
  }
  doc.page.margins.bottom = bottom;
  doc.fillColor("black").fontSize(11);
  doc.x = x;
  doc.y = y;
}
