/**
 * Sends the queued e-mails through `send` (nodemailer in production); a failure is recorded
 * on the mail and retried next time, never thrown at the caller.
 */
import type { Store } from "../store/database.ts";
import {
  markMailFailed,
  markMailSent,
  type OutgoingMail,
  pendingMails,
} from "../store/outbox-repository.ts";

export type SendMail = (mail: OutgoingMail) => Promise<void>;

export async function deliverOutbox(
  store: Store,
  send: SendMail,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const mail of await pendingMails(store)) {
    try {
      await send(mail);
      await markMailSent(store, mail.id);
      sent++;
    } catch (error) {
      await markMailFailed(store, mail.id, (error as Error).message);
      failed++;
    }
  }
  return { sent, failed };
}
