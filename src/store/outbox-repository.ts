/** E-mails to send: written in the same step as what caused them, delivered afterwards. */
import type { Store } from "./database.ts";

export interface OutgoingMail {
  orgId: string | null;
  to: string;
  subject: string;
  text: string;
}

export interface QueuedMail extends OutgoingMail {
  id: number;
  attempts: number;
}

export async function enqueueMail(store: Store, mail: OutgoingMail): Promise<void> {
  await store.db
    .insertInto("outbox")
    .values({
      org_id: mail.orgId,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      created_at: new Date().toISOString(),
      sent_at: null,
      last_error: null,
    })
    .execute();
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
  return rows.map((r) => ({
    id: Number(r.id),
    orgId: r.org_id,
    to: r.to,
    subject: r.subject,
    text: r.text,
    attempts: Number(r.attempts),
  }));
}

/**
 * Takes a due mail for one delivery run: pushes its next attempt to `until`, only if it is
 * still unsent and due, so that a concurrent run (or another process) skips it.
 */
export async function claimMail(
  store: Store,
  id: number,
  now: Date,
  until: Date,
): Promise<boolean> {
  const result = await store.db
    .updateTable("outbox")
    .set({ next_attempt_at: until.toISOString() })
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
    .set({ next_attempt_at: null })
    .where("id", "=", id)
    .execute();
}

export async function markMailSent(store: Store, id: number): Promise<void> {
  await store.db
    .updateTable("outbox")
    .set({ sent_at: new Date().toISOString() })
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
    }))
    .where("id", "=", id)
    .execute();
}

export interface OutboxEntry extends QueuedMail {
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
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
  return rows.map((r) => ({
    id: Number(r.id),
    orgId: r.org_id,
    to: r.to,
    subject: r.subject,
    text: r.text,
    attempts: Number(r.attempts),
    createdAt: r.created_at,
    sentAt: r.sent_at,
    lastError: r.last_error,
  }));
}
