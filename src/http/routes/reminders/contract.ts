/**
 * Reminders (dunning): the reminders page (to confirm, due, upcoming, sent, paused), the
 * actions on one invoice, pauses, and the owner's schedule and templates with a preview.
 * The API contract: zod schemas and their types; the web app imports the types.
 */
import { z } from "zod";
import { orgParamsSchema } from "../../contract.ts";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const level = z.number().int().min(0).max(3);

export const reminderItemSchema = z.object({
  invoice: z.string(),
  customer: z.string(),
  customerName: z.string(),
  /** 0 courtesy, 1 friendly, 2 firm, 3 formal notice. */
  level,
  /** What remains due, in the charter's currency (decimal). */
  balance: z.number(),
  /** The invoice's due date and the day this level is due (YYYY-MM-DD). */
  due: z.string().optional(),
  dueAt: z.string().optional(),
  email: z.string().nullable().optional(),
});

export const sentReminderSchema = z.object({
  invoice: z.string(),
  customer: z.string(),
  customerName: z.string(),
  level,
  /** queued: in the outbox, not yet accepted by a mail server; sent: accepted. */
  state: z.enum(["queued", "sent"]),
  at: z.string(),
});

export const pauseSchema = z.object({
  id: z.number(),
  scope: z.enum(["invoice", "customer"]),
  target: z.string(),
  /** The customer's name for a pause on a customer; the invoice's number otherwise. */
  targetName: z.string().optional(),
  reason: z.string(),
  until: z.string(),
});

export const stoppedSchema = z.object({
  invoice: z.string(),
  customer: z.string(),
  customerName: z.string(),
  balance: z.number(),
  reason: z.enum(["complaint", "paused", "manual"]),
  pauseUntil: z.string().optional(),
  pauseReason: z.string().optional(),
});

export const remindersViewSchema = z.object({
  currency: z.string(),
  /** Formal notices waiting for a manager's or the owner's confirmation. */
  toConfirm: z.array(reminderItemSchema),
  /** Due now, not queued yet (the next run queues them). */
  due: z.array(reminderItemSchema),
  upcoming: z.array(reminderItemSchema),
  sent: z.array(sentReminderSchema),
  stopped: z.array(stoppedSchema),
  pauses: z.array(pauseSchema),
});
export type RemindersView = z.infer<typeof remindersViewSchema>;
export type ReminderItemView = z.infer<typeof reminderItemSchema>;

export const invoiceParamsSchema = orgParamsSchema.extend({
  invoice: z.string().min(1).max(200),
});
export const pauseParamsSchema = orgParamsSchema.extend({
  id: z.coerce.number().int().positive(),
});

export const reminderActionResultSchema = z.object({
  level,
  /** queued (in the outbox: "en file d'attente"), to_confirm, taken (already queued). */
  outcome: z.enum(["queued", "to_confirm", "taken", "no_email"]),
});
export type ReminderActionResult = z.infer<typeof reminderActionResultSchema>;

export const pauseBodySchema = z.object({
  scope: z.enum(["invoice", "customer"]),
  target: z.string().trim().min(1).max(200),
  reason: z.string().trim().min(1, "must say why").max(500),
  until: z.string().max(10).regex(DAY, "must be a date such as 2026-04-30"),
});
export type PauseBody = z.infer<typeof pauseBodySchema>;

const templateSchema = z.object({
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(5000),
});
const levelsSchema = z.object({
  "0": templateSchema,
  "1": templateSchema,
  "2": templateSchema,
  "3": templateSchema,
});

export const scheduleSchema = z.object({
  courtesyDaysBefore: z.number().int().min(1).max(30).nullable(),
  /** Days after the due date for levels 1, 2, 3 (in that order: checked on saving). */
  levelDays: z.tuple([
    z.number().int().min(0).max(365),
    z.number().int().min(0).max(365),
    z.number().int().min(0).max(365),
  ]),
  minGapDays: z.number().int().min(1).max(60),
});

export const reminderSettingsSchema = z.object({
  schedule: scheduleSchema,
  templates: z.object({ fr: levelsSchema, en: levelsSchema }),
  /** The fields a template may use: {{customer}}, {{amount}}… */
  fields: z.array(z.string()),
  updatedAt: z.string().nullable(),
});
export type ReminderSettingsView = z.infer<typeof reminderSettingsSchema>;

export const reminderSettingsBodySchema = z.object({
  schedule: scheduleSchema,
  templates: z.object({ fr: levelsSchema, en: levelsSchema }),
});
export type ReminderSettingsBody = z.infer<typeof reminderSettingsBodySchema>;

export const previewBodySchema = z.object({
  level,
  lang: z.enum(["fr", "en"]),
  kind: z.enum(["person", "business"]),
  subject: z.string().max(200),
  body: z.string().max(5000),
});
export type PreviewBody = z.infer<typeof previewBodySchema>;
export const previewSchema = z.object({ subject: z.string(), text: z.string(), html: z.string() });
export type ReminderPreview = z.infer<typeof previewSchema>;
