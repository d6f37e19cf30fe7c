/**
 * "Send me a test": a mail to the owner asking, straight through the organization's mail
 * server (or the instance's), not through the outbox, so that the owner learns at once whether
 * it went out, and what the server answered when it did not.
 */
import { AppError } from "../../domain/errors.ts";
import type { Organization } from "../../store/organization-repository.ts";
import type { MailRouter } from "./mail-router.ts";

export async function sendTestMail(
  router: MailRouter,
  org: Organization,
  to: string,
): Promise<void> {
  if (!(await router.canSend(org.id))) {
    throw new AppError("BAD_INPUT", "host: no mail server is set; fill in the settings first");
  }
  const fr = org.lang !== "en";
  try {
    await router.send({
      orgId: org.id,
      to,
      subject: fr
        ? `Comptoir : mail de test pour ${org.name}`
        : `Comptoir: test mail for ${org.name}`,
      text: fr
        ? `Bonjour,\n\nCe mail de test prouve que Comptoir peut envoyer les mails de « ${org.name} » (invitations, liens de confirmation).\n`
        : `Hello,\n\nThis test mail proves that Comptoir can send the mails of "${org.name}" (invitations, confirmation links).\n`,
    });
  } catch (error) {
    throw new AppError(
      "MAIL_NOT_SENT",
      `host: the mail server did not take the test mail: ${(error as Error).message}`,
    );
  }
}
