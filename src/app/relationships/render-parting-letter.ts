/**
 * The parting letter as a PDF (A4), in the letter's own language: the organization's letterhead
 * (organizationLetterhead: identity and logo, legal mentions at the foot), the date
 * on its clock, the customer, the subject, and the letter exactly as it was recorded.
 */
import { formatWallClock } from "../../domain/intake/zoned-time.ts";
import type { RelationshipDecision } from "../../domain/relationship.ts";
import type { Organization } from "../../store/organization-repository.ts";
import type { Letterhead } from "../identity/organization-letterhead.ts";
import { FONT } from "../shared/pdf-fonts.ts";
import { drawLetterhead } from "../shared/pdf-letterhead.ts";
import { plainSpaces } from "./draft-parting-letter.ts";

export const LETTER_SUBJECT = {
  fr: "Fin de notre collaboration",
  en: "Ending our working relationship",
} as const;

const LABELS = {
  fr: { date: "Date", to: "À l'attention de", subject: "Objet" },
  en: { date: "Date", to: "To", subject: "Subject" },
} as const;

export async function renderPartingLetter(
  org: Organization,
  letterhead: Letterhead,
  customerName: string,
  decision: RelationshipDecision,
): Promise<Buffer> {
  const lang = decision.letterLang ?? "fr";
  const L = LABELS[lang];
  // pdfkit loads on the first document, not at the server's start.
  const { pdfDocument } = await import("../shared/pdf-document.ts");
  const { doc, done, line } = pdfDocument({
    margin: 60,
    title: `${LETTER_SUBJECT[lang]} - ${customerName}`,
    author: org.name,
  });
  drawLetterhead(doc, letterhead, 16);
  doc.moveDown(1);
  line(L.date, formatWallClock(decision.decidedAt, org.time_zone).slice(0, 10));
  line(L.to, customerName);
  line(L.subject, LETTER_SUBJECT[lang]);
  doc.moveDown(1).font(FONT.regular);
  for (const paragraph of (decision.letterText ?? "").split(/\n{2,}/)) {
    doc.text(plainSpaces(paragraph), { align: "left" }).moveDown(0.8);
  }
  doc.end();
  return done;
}
