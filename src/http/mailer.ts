/**
 * The outgoing mail transport: SMTP at COMPTOIR_SMTP_URL (smtp://user:pass@host:587), else
 * none. Without one, mails stay in the outbox table; the inviter gets the invitation link in
 * the answer (shown as "copy link" on the members page) and, in demo mode, the link is also
 * printed on the server's console (`invitationNotice`).
 */
import type { Transporter } from "nodemailer";
import type { SendMail } from "../app/mail/deliver-outbox.ts";

export function smtpMailer(url: string, from = "Comptoir <no-reply@comptoir.local>"): SendMail {
  // nodemailer loads with the first mail, not at the server's start.
  let transport: Promise<Transporter> | undefined;
  return async (mail) => {
    transport ??= import("nodemailer").then((m) => m.default.createTransport(url));
    await (await transport).sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
  };
}

export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): SendMail | undefined {
  return env.COMPTOIR_SMTP_URL
    ? smtpMailer(env.COMPTOIR_SMTP_URL, env.COMPTOIR_MAIL_FROM)
    : undefined;
}

/** The console line of demo mode without SMTP, in both languages like the demo account's. */
export function invitationNotice(to: string, link: string): string {
  return `Pas de serveur de mail (COMPTOIR_SMTP_URL) / no mail server: invitation ${to} → ${link}\n`;
}
