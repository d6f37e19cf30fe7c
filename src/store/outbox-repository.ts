/**
 * E-mails to send: written in the same step as what caused them, delivered afterwards. A mail
 * has a text body and may have an HTML one and attachments (stored bytes, or what to render
 * when it is sent); its Message-ID is chosen here, once, so that every attempt carries the same.
 */
import { randomUUID } from "node:crypto";
import type { Store } from "./database.ts";

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** The bytes, stored with the mail… */
  content?: Buffer;
  /** …or what to render when the mail is sent (`{kind, ...}`, app/mail/render-attachment.ts). */
  render?: { kind: string } & Record<string, unknown>;
}

export interface OutgoingMail {
  orgId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /**
   * Unique per organization: queueing a mail with a key already queued returns the first
   * mail, changed in nothing (`reminder:<invoice>:<level>`, `invoice:<number>`).
   */
  dedupKey?: string | null;
  /** A ledger fact (JSON) appended when a mail server accepts the mail (see deliver-outbox). */
  onSent?: string | null;
  attachments?: MailAttachment[];
}

export interface QueuedMail extends OutgoingMail {
  id: number;
  attempts: number;
  /** The Message-ID header, `<…@comptoir.local>`, the same at every attempt. */
  messageId: string;
  /** Attempts that died between the claim and the bookkeeping (the mail may have gone). */
  interrupted: number;
}

export interface EnqueuedMail {
  id: number;
  messageId: string;
  /** False: a mail with this dedup key was already queued; that one is returned. */
  created: boolean;
}

/** A fresh Message-ID (RFC 5322 `<left@right>`). */
export function newMessageId(): string {
  return `<${randomUUID()}@comptoir.local>`;
}

/**
 * Queues a mail (inside the caller's transaction when `store.db` is one). With a `dedupKey`
 * already used in the organization, nothing is written and the first mail is returned.
 * @example await enqueueMail(store, { orgId, to, subject, text, dedupKey: "reminder:F-12:1" })
 */
export async function enqueueMail(store: Store, mail: OutgoingMail): Promise<EnqueuedMail> {
  const messageId = newMessageId();
  const values = {
    org_id: mail.orgId,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? null,
    dedup_key: mail.dedupKey ?? null,
    message_id: messageId,
    on_sent: mail.onSent ?? null,
    created_at: new Date().toISOString(),
    sent_at: null,
    last_error: null,
  };
  const inserted = await store.db
    .insertInto("outbox")
    .values(values)
    .onConflict((oc) => oc.columns(["org_id", "dedup_key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) {
    const existing = await store.db
      .selectFrom("outbox")
      .select(["id", "message_id"])
      .where("org_id", mail.orgId === null ? "is" : "=", mail.orgId)
      .where("dedup_key", "=", mail.dedupKey ?? "")
      .executeTakeFirstOrThrow();
    return { id: Number(existing.id), messageId: existing.message_id ?? "", created: false };
  }
  const id = Number(inserted.id);
  for (const attachment of mail.attachments ?? []) {
    await store.db
      .insertInto("outbox_attachments")
      .values({
        outbox_id: id,
        filename: attachment.filename,
        content_type: attachment.contentType,
        content: attachment.content ?? null,
        render: attachment.render ? JSON.stringify(attachment.render) : null,
      })
      .execute();
  }
  return { id, messageId, created: true };
}

/** The mail queued under this dedup key in the organization, if any. */
export async function findMailByKey(
  store: Store,
  orgId: string,
  dedupKey: string,
): Promise<OutboxEntry | undefined> {
  const row = await store.db
    .selectFrom("outbox")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("dedup_key", "=", dedupKey)
    .executeTakeFirst();
  return row ? entryOf(row) : undefined;
}

/** A mail's attachments, in the order they were queued. */
export async function mailAttachments(store: Store, outboxId: number): Promise<MailAttachment[]> {
  const rows = await store.db
    .selectFrom("outbox_attachments")
    .selectAll()
    .where("outbox_id", "=", outboxId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    filename: r.filename,
    contentType: r.content_type,
    content: r.content ? Buffer.from(r.content) : undefined,
    render: r.render ? JSON.parse(r.render) : undefined,
  }));
}

type OutboxRow = {
  id: number | string;
  org_id: string | null;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  dedup_key: string | null;
  message_id: string | null;
  on_sent: string | null;
  attempts: number | string;
  interrupted: number | string;
  created_at: string;
  sent_at: string | null;
  last_error: string | null;
  next_attempt_at: string | null;
};

function queuedOf(r: OutboxRow): QueuedMail {
  return {
    id: Number(r.id),
    orgId: r.org_id,
    to: r.to,
    subject: r.subject,
    text: r.text,
    html: r.html,
    dedupKey: r.dedup_key,
    onSent: r.on_sent,
    // Mails queued before Message-IDs were chosen at queue time: one derived from the row.
    messageId: r.message_id ?? `<outbox-${r.id}-${r.created_at.replace(/\D/g, "")}@comptoir.local>`,
    attempts: Number(r.attempts),
    interrupted: Number(r.interrupted),
  };
}

/**
 * Unsent mails due at `now`, oldest first, skipping those that failed `maxAttempts` times;
 * `orgIds`: only the mails of these organizations (those that have a mail server).
 */
export async function pendingMails(
  store: Store,
  maxAttempts = 5,
  limit = 50,
  now: Date = new Date(),
  orgIds?: string[],
): Promise<QueuedMail[]> {
  if (orgIds?.length === 0) return [];
  let query = store.db.selectFrom("outbox");
  if (orgIds) query = query.where("org_id", "in", orgIds);
  const rows = await query
    .selectAll()
    .where("sent_at", "is", null)
    .where("attempts", "<", maxAttempts)
    .where((eb) =>
      eb.or([eb("next_attempt_at", "is", null), eb("next_attempt_at", "<=", now.toISOString())]),
    )
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map(queuedOf);
}

/**
 * Takes a due mail for one delivery run: pushes its next attempt to `until` and notes that an
 * attempt started, only if it is still unsent and due, so that a concurrent run (or another
 * process) skips it. A previous attempt still marked as started died before its bookkeeping
 * (a crash, a kill): it is counted in `interrupted`, since that mail may already have gone out.
 */
export async function claimMail(
  store: Store,
  id: number,
  now: Date,
  until: Date,
): Promise<boolean> {
  const result = await store.db
    .updateTable("outbox")
    .set((eb) => ({
      next_attempt_at: until.toISOString(),
      attempt_started_at: now.toISOString(),
      interrupted: eb
        .case()
        .when("attempt_started_at", "is", null)
        .then(eb.ref("interrupted"))
        .else(eb("interrupted", "+", 1))
        .end(),
    }))
    .where("id", "=", id)
    .where("sent_at", "is", null)
    .where((eb) =>
      eb.or([eb("next_attempt_at", "is", null), eb("next_attempt_at", "<=", now.toISOString())]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives a claimed mail back untried (no mail server for it yet). */
export async function releaseMail(store: Store, id: number): Promise<void> {
  await store.db
    .updateTable("outbox")
    .set({ next_attempt_at: null, attempt_started_at: null })
    .where("id", "=", id)
    .execute();
}

export async function markMailSent(store: Store, id: number, at: Date = new Date()): Promise<void> {
  await store.db
    .updateTable("outbox")
    .set({ sent_at: at.toISOString(), attempt_started_at: null, last_error: null })
    .where("id", "=", id)
    .execute();
}

/** Records a failed attempt; the mail is due again at `retryAt`. */
export async function markMailFailed(
  store: Store,
  id: number,
  error: string,
  retryAt: Date = new Date(),
): Promise<void> {
  await store.db
    .updateTable("outbox")
    .set((eb) => ({
      attempts: eb("attempts", "+", 1),
      last_error: error.slice(0, 500),
      next_attempt_at: retryAt.toISOString(),
      attempt_started_at: null,
    }))
    .where("id", "=", id)
    .execute();
}

/**
 * An owner's "try again" on an unsent mail: its attempts start over and it is due now.
 * False when the organization has no such unsent mail.
 */
export async function retryMail(store: Store, orgId: string, id: number): Promise<boolean> {
  const result = await store.db
    .updateTable("outbox")
    .set({ attempts: 0, next_attempt_at: null })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("sent_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface OutboxEntry extends QueuedMail {
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
  attachmentCount: number;
}

function entryOf(r: OutboxRow, attachments = 0): OutboxEntry {
  return {
    ...queuedOf(r),
    createdAt: r.created_at,
    sentAt: r.sent_at,
    lastError: r.last_error,
    attachmentCount: attachments,
  };
}

/** The organization's mails, newest first (the owners' outbox page). */
export async function listOrgMails(
  store: Store,
  orgId: string,
  limit = 100,
): Promise<OutboxEntry[]> {
  const rows = await store.db
    .selectFrom("outbox")
    .selectAll()
    .where("org_id", "=", orgId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  const counts = new Map<number, number>();
  if (rows.length > 0) {
    const attached = await store.db
      .selectFrom("outbox_attachments")
      .select(["outbox_id", (eb) => eb.fn.countAll().as("n")])
      .where(
        "outbox_id",
        "in",
        rows.map((r) => Number(r.id)),
      )
      .groupBy("outbox_id")
      .execute();
    for (const a of attached) counts.set(Number(a.outbox_id), Number(a.n));
  }
  return rows.map((r) => entryOf(r, counts.get(Number(r.id)) ?? 0));
}
