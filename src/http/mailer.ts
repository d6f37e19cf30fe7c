/**
 * The instance's mail transport: SMTP at COMPTOIR_SMTP_URL (smtp://user:pass@host:587), else
 * none. An organization may set its own mail server in the app (src/app/mail/mail-router.ts).
 * Without any, mails stay in the outbox table: the inviter gets the invitation link in the
 * answer, account links (verification, reset) are printed on the console, and owners see
 * their organization's mails on the outbox page.
 */
import type { SendMail } from "../app/mail/deliver-outbox.ts";
import { smtpMailer } from "../app/mail/smtp-mailer.ts";

export { smtpMailer };

export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): SendMail | undefined {
  return env.COMPTOIR_SMTP_URL
    ? smtpMailer(env.COMPTOIR_SMTP_URL, env.COMPTOIR_MAIL_FROM)
    : undefined;
}

/** The console line of demo mode without SMTP, in both languages like the demo account's. */
export function invitationNotice(to: string, link: string): string {
  return `Pas de serveur de mail (COMPTOIR_SMTP_URL) / no mail server: invitation ${to} → ${link}\n`;
}
