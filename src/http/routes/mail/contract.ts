/**
 * An organization's mail: its own mail server (owners), a test mail, and the outbox page
 * listing its mails with what became of each (the links are there when no server sends them).
 * The API contract: zod schemas and their types; the web app imports the types.
 */
import { z } from "zod";

const HOST = /^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*$/;
const SENDER =
  /^(?:[^<>\n]{0,120}<\s*[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

export const mailSettingsBodySchema = z.object({
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(HOST, "must be a host name such as smtp.example.fr"),
  port: z.number().int().min(1).max(65535),
  username: z.string().trim().max(254).nullable().optional(),
  /** Omitted: the stored one is kept. Empty: none. */
  password: z.string().max(500).optional(),
  /** The From address: `Atelier Martin <atelier@example.fr>` or `atelier@example.fr`. */
  sender: z
    .string()
    .trim()
    .min(3)
    .max(200)
    .regex(SENDER, "must be an address, or a name and an address: Atelier <atelier@example.fr>"),
});
export type MailSettingsBody = z.infer<typeof mailSettingsBodySchema>;

export const mailSettingsSchema = z.object({
  /** The organization's own server; null: none (the instance's is used, if any). */
  settings: z
    .object({
      host: z.string(),
      port: z.number(),
      username: z.string().nullable(),
      /** The password itself never leaves the server. */
      passwordSet: z.boolean(),
      sender: z.string(),
      updatedAt: z.string(),
    })
    .nullable(),
  /** The instance has a mail server of its own (COMPTOIR_SMTP_URL). */
  instanceServer: z.boolean(),
});
export type MailSettings = z.infer<typeof mailSettingsSchema>;

export const testMailResultSchema = z.object({ sent: z.literal(true), to: z.string() });
export type TestMailResult = z.infer<typeof testMailResultSchema>;

export const outboxMailSchema = z.object({
  id: z.number(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  /** The mail has an HTML body beside its text one. */
  hasHtml: z.boolean(),
  /** Files attached (a reminder's PDF letter is drawn when the mail is sent). */
  attachments: z.number(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  attempts: z.number(),
  /** What the mail server (or the network) answered at the last failed attempt. */
  lastError: z.string().nullable(),
  /**
   * Attempts that died between the mail server's answer and our bookkeeping (a crash): the
   * mail was sent again, with the same Message-ID; the recipient may have it twice.
   */
  interrupted: z.number(),
  /**
   * sent (a mail server accepted it); waiting (in the queue, will be tried); failed (gave up
   * after every attempt: retry); held (no mail server: pass the link on).
   */
  status: z.enum(["sent", "waiting", "failed", "held"]),
});
export const outboxSchema = z.object({
  items: z.array(outboxMailSchema),
  /** A mail server carries this organization's mails. */
  canSend: z.boolean(),
});
export type Outbox = z.infer<typeof outboxSchema>;

export const outboxMailParamsSchema = z.object({
  org: z.string().min(1).max(63),
  id: z.coerce.number().int().positive(),
});
export type OutboxMail = z.infer<typeof outboxMailSchema>;
