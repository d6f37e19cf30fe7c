/**
 * The document-level notes both XML syntaxes carry (BT-21 subject code, BT-22 text): the
 * legal mentions in French with their UNTDID 4451 subject codes (PMD late-payment penalties,
 * PMT recovery fee, AAB early-payment discount, REG the seller's registration and capital,
 * TXD the VAT exemption), then the document's own notes.
 */
import type { InvoiceDocument } from "../../domain/invoicing/invoice-document.ts";
import { legalMentions, type MentionKey } from "./legal-mentions.ts";
import { formAndCapital, registration } from "./seller-legal.ts";

export interface DocumentNote {
  subjectCode: string | null;
  content: string;
}

const SUBJECT: Partial<Record<MentionKey, string>> = {
  late_penalties: "PMD",
  recovery_fee: "PMT",
  early_payment_discount: "AAB",
  vat_exemption: "TXD",
};

export function documentNotes(doc: InvoiceDocument): DocumentNote[] {
  const notes: DocumentNote[] = [];
  // The seller's form, capital and register (in French, as the law writes them).
  const legal = [formAndCapital(doc.seller, doc.currency, "fr"), registration(doc.seller)]
    .filter((part): part is string => part !== null)
    .join(", ");
  if (legal) notes.push({ subjectCode: "REG", content: `${doc.seller.legalName}, ${legal}` });
  for (const mention of legalMentions(doc)) {
    const code = SUBJECT[mention.key];
    if (code) notes.push({ subjectCode: code, content: mention.french });
  }
  for (const note of doc.notes ?? []) {
    if (note.trim()) notes.push({ subjectCode: null, content: note.trim() });
  }
  return notes;
}
