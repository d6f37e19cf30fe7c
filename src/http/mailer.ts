/**
 * The outgoing mail transport: SMTP at COMPTOIR_SMTP_URL (smtp://user:pass@host:587), else
 * none (mails stay in the outbox table, and in demo mode the invitation link is logged).
 */
import nodemailer from "nodemailer";
import type { SendMail } from "../app/deliver-outbox.ts";

export function smtpMailer(url: string, from = "Comptoir <no-reply@comptoir.local>"): SendMail {
  const transport = nodemailer.createTransport(url);
  return async (mail) => {
    await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
  };
}

export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): SendMail | undefined {
  return env.COMPTOIR_SMTP_URL
    ? smtpMailer(env.COMPTOIR_SMTP_URL, env.COMPTOIR_MAIL_FROM)
    : undefined;
}
