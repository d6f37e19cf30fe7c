/**
 * The letter a reminder e-mail carries as its PDF (issue 16, item 6): level 1 friendly
 * reminder, level 2 firm reminder, level 3 formal notice (mise en demeure). Same letterhead
 * and rules as the invoices: the shop's identity, the customer by name and address, each
 * unpaid invoice with its dates and amounts as people write them, and for a business
 * customer from level 2 on, the late-payment penalties and the 40 € fixed recovery fee per
 * invoice (art. L441-10 of the Commercial Code). The words between are the owner's template,
 * already filled in (`body`).
 * @example const pdf = await renderReminderLetterPdf(letter, { letterhead });
 */
import type { InvoiceBuyer, PaymentTerms } from "../../domain/invoicing/invoice-document.ts";
import { letterheadText } from "../../domain/letterhead.ts";
import type { Lang, OrganizationIdentity } from "../../domain/organization-identity.ts";
import { FONT } from "../shared/pdf-fonts.ts";
import { drawLetterhead } from "../shared/pdf-letterhead.ts";
import { documentFormat } from "./document-format.ts";
import { latePaymentMentions } from "./legal-mentions.ts";
import type { DocumentLook } from "./render-invoice-pdf.ts";

export interface OverdueInvoice {
  number: string;
  issueDate: string;
  dueDate: string;
  amountMinor: number;
  /** What the customer still owes on it (after payments and credit notes). */
  balanceMinor: number;
}

export interface ReminderLetter {
  level: 1 | 2 | 3;
  lang: Lang;
  /** The day the letter is sent (ISO date). */
  date: string;
  currency: string;
  seller: OrganizationIdentity;
  recipient: Pick<InvoiceBuyer, "name" | "kind" | "address" | "country">;
  invoices: OverdueInvoice[];
  /** The letter's text from the owner's template; paragraphs are separated by blank lines. */
  body: string;
  paymentTerms: PaymentTerms;
}

const SUBJECTS = {
  fr: {
    1: "Rappel : facture arrivée à échéance",
    2: "Relance : facture impayée",
    3: "Mise en demeure de payer",
  },
  en: {
    1: "Reminder: invoice now due",
    2: "Second reminder: unpaid invoice",
    3: "Formal notice to pay (mise en demeure)",
  },
} as const;

const L = {
  fr: {
    placeDate: (city: string | null, date: string) => `${city ? `${city}, le` : "Le"} ${date}`,
    subject: "Objet",
    invoice: "Facture",
    issued: "Émise le",
    due: "Échéance",
    amount: "Montant TTC",
    balance: "Reste dû",
    total: "Total restant dû",
  },
  en: {
    placeDate: (city: string | null, date: string) => `${city ? `${city}, ` : ""}${date}`,
    subject: "Subject",
    invoice: "Invoice",
    issued: "Issued",
    due: "Due",
    amount: "Amount incl. VAT",
    balance: "Balance due",
    total: "Total balance due",
  },
} as const;

/** The subject line of a reminder of this level, in the letter's language. */
export const reminderSubject = (level: 1 | 2 | 3, lang: Lang) => SUBJECTS[lang][level];

export async function renderReminderLetterPdf(
  letter: ReminderLetter,
  look: DocumentLook = {},
): Promise<Buffer> {
  const T = L[letter.lang];
  const f = documentFormat(letter.lang, letter.currency);
  const subject = reminderSubject(letter.level, letter.lang);
  const { pdfDocument } = await import("../shared/pdf-document.ts");
  const { doc, done } = pdfDocument({
    margin: 60,
    title: `${subject} - ${letter.recipient.name}`,
    author: letter.seller.legalName,
    lang: letter.lang,
    pdfa: true,
    createdAt: look.createdAt,
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  drawLetterhead(
    doc,
    look.letterhead ?? {
      ...letterheadText(letter.seller.legalName, letter.seller, letter.currency, letter.lang),
      logo: null,
    },
    16,
  );

  // The recipient on the right, as on an envelope window; the place and date below it.
  doc.moveDown(1.5);
  const x = left + width / 2;
  const r = letter.recipient;
  doc
    .font(FONT.bold)
    .fontSize(10.5)
    .text(r.name, x, doc.y, { width: width / 2 });
  doc.font(FONT.regular);
  if (r.address) {
    for (const part of r.address.street.split(/\n+/)) if (part.trim()) doc.text(part.trim());
    doc.text(`${r.address.postalCode} ${r.address.city}`.trim());
  }
  const home = letter.seller.address?.country ?? "FR";
  const country = r.address?.country ?? r.country;
  if (country.toUpperCase() !== home) doc.text(f.country(country));
  doc.moveDown(1).text(T.placeDate(letter.seller.address?.city ?? null, f.date(letter.date)));

  doc.x = left;
  doc.moveDown(1.5);
  doc
    .font(FONT.bold)
    .fontSize(letter.level === 3 ? 13 : 11)
    .text(`${T.subject}${letter.lang === "fr" ? " : " : ": "}${subject}`, left, doc.y, { width });
  doc.moveDown(1).font(FONT.regular).fontSize(10.5);
  for (const paragraph of letter.body.split(/\n\s*\n/)) {
    if (paragraph.trim()) doc.text(paragraph.trim(), left, doc.y, { width }).moveDown(0.7);
  }

  // The invoices still due.
  doc.moveDown(0.3).fontSize(9);
  const cols = [0, 120, 215, 310, 405].map((c) => left + c);
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    doc.font(bold ? FONT.bold : FONT.regular);
    cells.forEach((cell, i) => {
      doc.text(cell, cols[i], y, { width: 90, align: i >= 3 ? "right" : "left", lineBreak: false });
    });
    doc.y = y + 14;
  };
  row([T.invoice, T.issued, T.due, T.amount, T.balance], true);
  for (const inv of letter.invoices)
    row([
      inv.number,
      f.date(inv.issueDate),
      f.date(inv.dueDate),
      f.money(inv.amountMinor),
      f.money(inv.balanceMinor),
    ]);
  const total = letter.invoices.reduce((s, inv) => s + inv.balanceMinor, 0);
  row(["", "", "", T.total, f.money(total)], true);

  // A business owes penalties and the recovery fee: the firm reminder and the notice say so.
  if (letter.recipient.kind === "business" && letter.level >= 2) {
    doc.x = left;
    doc.moveDown(0.8).font(FONT.regular).fontSize(9);
    for (const m of latePaymentMentions(letter.paymentTerms, letter.lang, letter.currency))
      doc.text(m.text, { width });
  }
  doc.x = left;
  doc.moveDown(1.5).font(FONT.regular).fontSize(10.5).text(letter.seller.legalName, { width });
  doc.end();
  return done;
}
