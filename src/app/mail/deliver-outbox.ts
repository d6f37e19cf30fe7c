/**
 * Sends the queued e-mails (invitations, acknowledgement links, reminders) through `send`
 * (nodemailer in production). A failure is recorded on the mail, which is tried again after a
 * growing delay (5 s, 10 s, 20 s… at most an hour, 12 attempts in all), never thrown at the
 * caller. Each mail is claimed before it is sent, so that the background loop and a route
 * delivering at once never send it twice.
 *
 * The window (docs/outbox.md): between the mail server's "250 accepted" and the update that
 * marks the mail sent, a crash leaves the mail unsent in our books. Once its claim runs out
 * (15 minutes) it is sent again, with the same Message-ID, and counted in `interrupted` so
 * that the outbox page says it may have arrived twice. Outside that window nothing is sent
 * twice. A mail's ledger fact (a reminder) is appended in the same transaction that marks it
 * sent, so the ledger never says "sent" for a mail the server did not accept.
 */
import type { Fact } from "../../domain/facts.ts";
import type { Store } from "../../store/database.ts";
import { findFact, insertFact } from "../../store/fact-repository.ts";
import {
  claimMail,
  mailAttachments,
  markMailFailed,
  markMailSent,
  pendingMails,
  type QueuedMail,
  releaseMail,
} from "../../store/outbox-repository.ts";
import { renderAttachment } from "./render-attachment.ts";

/** A mail ready for the wire: attachments rendered, Message-ID chosen. */
export interface SendableMail {
  orgId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  messageId?: string;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

export type SendMail = (mail: SendableMail) => Promise<void>;

/** Thrown by a sender that has no mail server for this mail: it waits, without an attempt. */
export class NoMailServerError extends Error {
  constructor() {
    super("no mail server for this mail");
    this.name = "NoMailServerError";
  }
}

export const MAX_MAIL_ATTEMPTS = 12;
const MAX_RETRY_DELAY_MS = 3_600_000;
/** How long a run holds a mail it is sending (nodemailer gives up well before). */
const CLAIM_MS = 15 * 60_000;

export interface DeliveryOptions {
  /** The first retry delay, doubled at each failure (default 5 s). */
  retryBaseMs?: number;
  now?: () => Date;
  /** The organizations whose mails can be sent now (default "all"); see mail-router.ts. */
  scope?: () => Promise<"all" | string[]>;
}

/** The delay before the next attempt of a mail that has failed `attempts` times (1, 2…). */
export function retryDelayMs(attempts: number, baseMs = 5000): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
}

/** @example const { sent, failed } = await deliverOutbox(store, smtpMailer(url)) */
export async function deliverOutbox(
  store: Store,
  send: SendMail,
  options: DeliveryOptions = {},
): Promise<{ sent: number; failed: number }> {
  const now = options.now ?? (() => new Date());
  let sent = 0;
  let failed = 0;
  const started = now();
  const scope = options.scope ? await options.scope() : "all";
  const orgIds = scope === "all" ? undefined : scope;
  for (const mail of await pendingMails(store, MAX_MAIL_ATTEMPTS, 50, started, orgIds)) {
    const at = now();
    if (!(await claimMail(store, mail.id, at, new Date(at.getTime() + CLAIM_MS)))) continue;
    try {
      const ready = await sendable(store, mail);
      await send(ready);
      await recordSent(store, mail, now());
      sent++;
    } catch (error) {
      if (error instanceof NoMailServerError) {
        await releaseMail(store, mail.id);
        continue;
      }
      const delay = retryDelayMs(mail.attempts + 1, options.retryBaseMs);
      await markMailFailed(
        store,
        mail.id,
        (error as Error).message,
        new Date(now().getTime() + delay),
      );
      failed++;
    }
  }
  return { sent, failed };
}

async function sendable(store: Store, mail: QueuedMail): Promise<SendableMail> {
  const attachments: NonNullable<SendableMail["attachments"]> = [];
  for (const a of await mailAttachments(store, mail.id)) {
    const content =
      a.content ?? (a.render ? await renderAttachment(store, mail.orgId, a.render) : undefined);
    if (content) attachments.push({ filename: a.filename, contentType: a.contentType, content });
  }
  return {
    orgId: mail.orgId,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    attachments,
  };
}

/**
 * Marks the mail sent and appends the fact it becomes, in one transaction. A fact whose id is
 * taken by another (an imported reminder with that id) is filed under the id and the mail's.
 */
async function recordSent(store: Store, mail: QueuedMail, at: Date): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const inTrx = { ...store, db: trx };
    await markMailSent(inTrx, mail.id, at);
    if (!mail.onSent || !mail.orgId) return;
    const fact = { ...(JSON.parse(mail.onSent) as Fact), at: at.getTime() } as Fact;
    const taken = await findFact(inTrx, mail.orgId, fact.type, fact.id);
    await insertFact(
      inTrx,
      mail.orgId,
      taken ? ({ ...fact, id: `${fact.id}-m${mail.id}` } as Fact) : fact,
    );
  });
}

export interface OutboxLoop {
  /** Delivers what is due now (after the run in progress, if any). */
  kick(): Promise<void>;
  /** Stops the loop, after the run in progress. */
  stop(): Promise<void>;
}

/**
 * Delivers the outbox every `intervalMs` in the background until stopped (the server stops it
 * on close). Runs never overlap; an error (the database gone) is reported and the loop goes on.
 */
export function startOutboxDelivery(
  store: Store,
  send: SendMail,
  options: DeliveryOptions & {
    intervalMs?: number;
    onError?: (error: unknown) => void;
  } = {},
): OutboxLoop {
  const intervalMs = options.intervalMs ?? 5000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void run(), intervalMs);
    timer.unref();
  };
  const run = (): Promise<void> => {
    if (running) return running;
    clearTimeout(timer);
    running = deliverOutbox(store, send, options)
      .then(() => undefined)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = null;
        schedule();
      });
    return running;
  };
  schedule();
  return {
    async kick() {
      if (running) await running;
      if (!stopped) await run();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (running) await running;
    },
  };
}
