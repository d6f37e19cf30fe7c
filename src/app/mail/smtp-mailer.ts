/**
 * An SMTP transport (nodemailer) as a `SendMail`, from a URL (`smtp://user:pass@host:587`, the
 * COMPTOIR_SMTP_URL form) or from an organization's settings. nodemailer loads with the first
 * mail, not at the server's start.
 */
import type { Transporter } from "nodemailer";
import type { SendMail } from "./deliver-outbox.ts";

export const DEFAULT_SENDER = "Comptoir <no-reply@comptoir.local>";

export interface SmtpSettings {
  host: string;
  port: number;
  username?: string | null;
  password?: string | null;
  sender: string;
}

type TransportOptions = string | Record<string, unknown>;

function mailerOf(options: TransportOptions, from: string): SendMail {
  let transport: Promise<Transporter> | undefined;
  return async (mail) => {
    transport ??= import("nodemailer").then((m) => m.default.createTransport(options));
    await (await transport).sendMail({
      from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? undefined,
      messageId: mail.messageId,
      attachments: mail.attachments?.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: a.content,
      })),
    });
  };
}

/** @example const send = smtpMailer("smtp://127.0.0.1:2525?ignoreTLS=true") */
export function smtpMailer(url: string, from = DEFAULT_SENDER): SendMail {
  return mailerOf(url, from);
}

/**
 * Port 465 speaks TLS from the start; any other port upgrades with STARTTLS when the server
 * offers it (nodemailer's default). Timeouts stay short: an owner waits for the test mail.
 */
export function settingsMailer(settings: SmtpSettings): SendMail {
  return mailerOf(
    {
      host: settings.host,
      port: settings.port,
      secure: settings.port === 465,
      auth: settings.username
        ? { user: settings.username, pass: settings.password ?? "" }
        : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    },
    settings.sender,
  );
}
