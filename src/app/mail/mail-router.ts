/**
 * Which mail server carries a mail: the organization's own (set in the app by an owner) for
 * its mails, else the instance's (COMPTOIR_SMTP_URL), else none: the mail stays in the outbox
 * (listed for owners on the outbox page) and its link is printed on the console.
 * @example const router = mailRouter(store, mailerFromEnv()); await router.send(mail);
 */
import type { Store } from "../../store/database.ts";
import {
  findMailSettings,
  type MailSettingsRow,
  orgsWithMailSettings,
} from "../../store/mail-settings-repository.ts";
import { NoMailServerError, type SendMail } from "./deliver-outbox.ts";
import { settingsMailer } from "./smtp-mailer.ts";

export interface MailRouter {
  /** Sends through the mail's organization's server, else the instance's; throws without one. */
  send: SendMail;
  /** Whether a mail of this organization (null: of no organization) can be sent now. */
  canSend(orgId: string | null): Promise<boolean>;
  /** The organizations whose mails can be sent; "all" when the instance has a mail server. */
  scope(): Promise<"all" | string[]>;
}

export function mailRouter(store: Store, instance?: SendMail): MailRouter {
  // One transport per settings version, so that a change in the app takes effect at once.
  const cache = new Map<string, { version: string; send: SendMail }>();
  const transportOf = (row: MailSettingsRow): SendMail => {
    const cached = cache.get(row.org_id);
    if (cached?.version === row.updated_at) return cached.send;
    const send = settingsMailer(row);
    cache.set(row.org_id, { version: row.updated_at, send });
    return send;
  };
  const transportFor = async (orgId: string | null): Promise<SendMail | undefined> => {
    const row = orgId ? await findMailSettings(store, orgId) : undefined;
    return row ? transportOf(row) : instance;
  };
  return {
    async send(mail) {
      const send = await transportFor(mail.orgId);
      if (!send) throw new NoMailServerError();
      await send(mail);
    },
    canSend: async (orgId) => (await transportFor(orgId)) !== undefined,
    scope: async () => (instance ? "all" : orgsWithMailSettings(store)),
  };
}
