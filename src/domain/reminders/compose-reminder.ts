/**
 * One reminder's words for one invoice: the template of its level in the customer's language,
 * filled with the shop, the customer's name, the invoice's number, what remains due and the
 * due date as people write them (Intl), and, for a business at levels 2 and 3, the penalties
 * and the 40 EUR fixed recovery fee. Also the HTML twin of the text body.
 * @example composeReminder({ level: 1, lang: "fr", ... }).subject // "Atelier : facture F-12 en attente de règlement"
 */
import type { CustomerFact, InvoiceFact } from "../facts.ts";
import { minorDigits } from "../money.ts";
import type { ReminderLevel } from "./reminder-schedule.ts";
import {
  fillTemplate,
  penaltiesText,
  type ReminderLang,
  type ReminderTemplates,
  type TemplateField,
} from "./reminder-templates.ts";

/** The default penalty rate text (spec section 2, charter key `late_penalty_rate`). */
export const DEFAULT_PENALTY_RATE = "taux BCE + 10 points";
const DAY = 86_400_000;

export interface ReminderInput {
  level: ReminderLevel;
  lang: ReminderLang;
  shop: string;
  customer: CustomerFact;
  invoice: InvoiceFact;
  /** What remains due, minor units. */
  balance: number;
  currency: string;
  timeZone: string;
  /** The charter's `late_penalty_rate`, if set. */
  penaltyRate?: string;
  asOf: number;
  templates: ReminderTemplates;
}

export interface ComposedReminder {
  subject: string;
  text: string;
  html: string;
  values: Record<TemplateField, string>;
}

export function locale(lang: ReminderLang): string {
  return lang === "fr" ? "fr-FR" : "en-GB";
}

/** Money as people write it in that language: `1 234,50 €`, `€1,234.50`. */
export function formatMoney(minor: number, currency: string, lang: ReminderLang): string {
  return new Intl.NumberFormat(locale(lang), { style: "currency", currency }).format(
    minor / 10 ** minorDigits(currency),
  );
}

export function formatDay(at: number, lang: ReminderLang, timeZone: string): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: "long", timeZone }).format(at);
}

export function reminderValues(input: ReminderInput): Record<TemplateField, string> {
  const { lang } = input;
  const business = input.customer.kind === "business" && input.level >= 2;
  const rate = input.penaltyRate ?? DEFAULT_PENALTY_RATE;
  const rateText =
    lang === "en" && rate === DEFAULT_PENALTY_RATE
      ? "the European Central Bank's rate plus 10 points"
      : rate;
  return {
    customer: input.customer.name,
    shop: input.shop,
    invoice: input.invoice.id,
    amount: formatMoney(input.balance, input.currency, lang),
    total: formatMoney(input.invoice.amount, input.currency, lang),
    due: formatDay(input.invoice.due, lang, input.timeZone),
    days: String(Math.max(0, Math.floor((input.asOf - input.invoice.due) / DAY))),
    penalties: business ? penaltiesText(lang, rateText, formatMoney(4000, "EUR", lang)) : "",
  };
}

export function composeReminder(input: ReminderInput): ComposedReminder {
  const template = input.templates[input.lang][`${input.level}`];
  const values = reminderValues(input);
  const subject = fillTemplate(template.subject, values).replace(/\s+/g, " ").trim();
  const text = fillTemplate(template.body, values);
  return { subject, text, html: htmlOf(text), values };
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Paragraphs of the text body as HTML, every character escaped. */
export function htmlOf(text: string): string {
  const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  return `<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">\n${paragraphs}\n</body></html>`;
}
