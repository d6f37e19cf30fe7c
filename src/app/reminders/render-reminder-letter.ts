/**
 * A reminder's PDF letter (A4), drawn when its mail is sent (render-attachment.ts), from what
 * the run decided and wrote into the mail: the organization's letterhead (identity, logo, legal
 * mentions at the foot), the date on the organization's clock, the customer, the subject, and
 * the letter's text, the same words as the mail's.
 */
import { formatDay } from "../../domain/reminders/compose-reminder.ts";
import type { ReminderLang } from "../../domain/reminders/reminder-templates.ts";
import type { Store } from "../../store/database.ts";
import { organizationById } from "../../store/reminder-repository.ts";
import { organizationLetterhead } from "../identity/organization-letterhead.ts";
import { drawLetterhead } from "../shared/pdf-letterhead.ts";

/** What a queued reminder keeps to draw its letter later (the attachment's `render`). */
export interface ReminderLetterSpec {
  kind: "reminder-letter";
  lang: ReminderLang;
  customer: string;
  subject: string;
  text: string;
  /** 3: the letter is a formal notice, and says so at its head. */
  level: number;
}

const LABELS = {
  fr: { date: "Date", to: "À l'attention de", subject: "Objet", notice: "MISE EN DEMEURE" },
  en: { date: "Date", to: "To", subject: "Subject", notice: "FORMAL NOTICE" },
} as const;

const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

export async function renderReminderLetter(
  store: Store,
  orgId: string,
  args: Record<string, unknown>,
  at: Date = new Date(),
): Promise<Buffer> {
  const spec = args as unknown as ReminderLetterSpec;
  const org = await organizationById(store, orgId);
  if (!org) throw new Error("reminder letter: the organization is gone");
  const lang: ReminderLang = spec.lang === "en" ? "en" : "fr";
  const L = LABELS[lang];
  const head = await organizationLetterhead(store, org, lang);
  const { pdfDocument } = await import("../shared/pdf-document.ts");
  const { doc, done, line } = pdfDocument({ margin: 60, title: spec.subject, author: org.name });
  drawLetterhead(doc, head, 16);
  doc.moveDown(1.5);
  line(L.date, formatDay(at.getTime(), lang, org.time_zone));
  line(L.to, spec.customer);
  doc.moveDown(1);
  if (spec.level >= 3) {
    doc.font("Helvetica-Bold").fontSize(13).text(L.notice);
    doc.fontSize(11).moveDown(0.5);
  }
  line(L.subject, spec.subject);
  doc.moveDown(1);
  doc.font("Helvetica").fontSize(11).text(plain(spec.text), { align: "left", lineGap: 2 });
  doc.end();
  return done;
}
