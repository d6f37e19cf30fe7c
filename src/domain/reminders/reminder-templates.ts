/**
 * The reminders' words, French and English, one subject and body per level, with fields in
 * double braces filled per invoice. The owner may replace any of them (stored overrides);
 * `{{penalties}}` is the late-payment paragraph, empty for a person (consumers owe no fixed
 * recovery fee), the penalty rate and the 40 EUR fee for a business (art. L441-10 and D441-5
 * of the Code de commerce).
 */
import type { ReminderLevel } from "./reminder-schedule.ts";

export type ReminderLang = "fr" | "en";
export interface ReminderTemplate {
  subject: string;
  body: string;
}
export type ReminderTemplates = Record<ReminderLang, Record<`${ReminderLevel}`, ReminderTemplate>>;
/** What an owner changed: any language, any level, subject or body. */
export type TemplateOverrides = Partial<
  Record<ReminderLang, Partial<Record<`${ReminderLevel}`, Partial<ReminderTemplate>>>>
>;

export const TEMPLATE_FIELDS = [
  "customer",
  "shop",
  "invoice",
  "amount",
  "total",
  "due",
  "days",
  "penalties",
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export const DEFAULT_TEMPLATES: ReminderTemplates = {
  fr: {
    "0": {
      subject: "{{shop}} : facture {{invoice}} à régler le {{due}}",
      body: "Bonjour {{customer}},\n\nPetit rappel amical : la facture {{invoice}} d'un montant de {{amount}} arrive à échéance le {{due}}.\n\nSi le règlement est déjà parti, merci et ne tenez pas compte de ce message.\n\nBien cordialement,\n{{shop}}",
    },
    "1": {
      subject: "{{shop}} : facture {{invoice}} en attente de règlement",
      body: "Bonjour {{customer}},\n\nSauf erreur de notre part, la facture {{invoice}}, échue le {{due}}, n'est pas encore réglée : il reste {{amount}} à payer.\n\nC'est sans doute un oubli ; merci de faire le nécessaire. Si le règlement vient de partir, ne tenez pas compte de ce message.\n\nBien cordialement,\n{{shop}}",
    },
    "2": {
      subject: "{{shop}} : deuxième relance, facture {{invoice}}",
      body: "Bonjour {{customer}},\n\nMalgré notre premier rappel, la facture {{invoice}}, échue le {{due}} (il y a {{days}} jours), reste impayée : {{amount}} restent dus.\n\nNous vous demandons de la régler sous huit jours.{{penalties}}\n\nVous trouverez notre courrier en pièce jointe.\n\nCordialement,\n{{shop}}",
    },
    "3": {
      subject: "{{shop}} : mise en demeure de payer, facture {{invoice}}",
      body: "Madame, Monsieur,\n\nMalgré nos relances, la facture {{invoice}} d'un montant total de {{total}}, échue le {{due}}, n'est toujours pas réglée : {{amount}} restent dus.\n\nPar la présente, nous vous mettons en demeure de régler cette somme dans un délai de huit jours à compter de la réception de ce courrier.{{penalties}}\n\nÀ défaut de règlement dans ce délai, nous nous réservons le droit d'engager une procédure de recouvrement, sans autre avis.\n\n{{shop}}",
    },
  },
  en: {
    "0": {
      subject: "{{shop}}: invoice {{invoice}} due on {{due}}",
      body: "Hello {{customer}},\n\nA friendly reminder: invoice {{invoice}} for {{amount}} is due on {{due}}.\n\nIf you have already paid, thank you, and please ignore this message.\n\nKind regards,\n{{shop}}",
    },
    "1": {
      subject: "{{shop}}: invoice {{invoice}} awaiting payment",
      body: "Hello {{customer}},\n\nUnless we are mistaken, invoice {{invoice}}, due on {{due}}, has not been paid yet: {{amount}} remain due.\n\nIt is probably an oversight; please see to it. If you have just paid, please ignore this message.\n\nKind regards,\n{{shop}}",
    },
    "2": {
      subject: "{{shop}}: second reminder, invoice {{invoice}}",
      body: "Hello {{customer}},\n\nDespite our first reminder, invoice {{invoice}}, due on {{due}} ({{days}} days ago), is still unpaid: {{amount}} remain due.\n\nPlease pay it within eight days.{{penalties}}\n\nOur letter is attached.\n\nRegards,\n{{shop}}",
    },
    "3": {
      subject: "{{shop}}: formal notice to pay, invoice {{invoice}}",
      body: "Dear Sir or Madam,\n\nDespite our reminders, invoice {{invoice}} for a total of {{total}}, due on {{due}}, is still unpaid: {{amount}} remain due.\n\nWe hereby give you formal notice to pay this sum within eight days of receiving this letter.{{penalties}}\n\nShould payment not be made within that time, we reserve the right to start recovery proceedings without further notice.\n\n{{shop}}",
    },
  },
};

/** The late-payment paragraph for a business customer (levels 2 and 3). */
export function penaltiesText(lang: ReminderLang, rate: string, fee: string): string {
  return lang === "fr"
    ? `\n\nConformément à l'article L441-10 du Code de commerce, des pénalités de retard au taux de ${rate} courent depuis l'échéance, ainsi qu'une indemnité forfaitaire pour frais de recouvrement de ${fee}.`
    : `\n\nUnder article L441-10 of the French Commercial Code, late-payment penalties at the rate of ${rate} run from the due date, together with a fixed recovery fee of ${fee}.`;
}

/** The owner's overrides laid over the defaults. */
export function resolveTemplates(overrides: TemplateOverrides = {}): ReminderTemplates {
  const out = structuredClone(DEFAULT_TEMPLATES);
  for (const lang of ["fr", "en"] as const) {
    for (const [level, t] of Object.entries(overrides[lang] ?? {})) {
      const key = level as `${ReminderLevel}`;
      if (!out[lang][key] || !t) continue;
      if (t.subject) out[lang][key].subject = t.subject;
      if (t.body) out[lang][key].body = t.body;
    }
  }
  return out;
}

/** Fills `{{field}}`; an unknown field is left as written (the preview shows it). */
export function fillTemplate(text: string, values: Record<TemplateField, string>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    name in values ? values[name as TemplateField] : whole,
  );
}

/** Fields written in a template that do not exist (`{{montant}}`): `body: unknown field …`. */
export function unknownFields(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
    const name = m[1] ?? "";
    if (!(TEMPLATE_FIELDS as readonly string[]).includes(name)) out.push(name);
  }
  return out;
}
