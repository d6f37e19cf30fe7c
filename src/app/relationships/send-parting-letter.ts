/**
 * E-mails a parting letter to the customer through the outbox (sent at once when a mail
 * transport is configured, otherwise kept in the outbox table until one is), signed with the
 * organization's letterhead (name, identity, legal mentions).
 */
import { AppError } from "../../domain/errors.ts";
import type { Store } from "../../store/database.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { enqueueMail } from "../../store/outbox-repository.ts";
import { findDecision } from "../../store/relationship-repository.ts";
import { organizationLetterhead } from "../identity/organization-letterhead.ts";
import { deliverOutbox, type SendMail } from "../mail/deliver-outbox.ts";
import { customerForLetter } from "./draft-parting-letter.ts";
import { LETTER_SUBJECT } from "./render-parting-letter.ts";

export async function sendPartingLetter(
  store: Store,
  org: Organization,
  customerId: string,
  decisionId: string,
  sendMail?: SendMail,
): Promise<{ to: string; sent: boolean }> {
  const decision = await findDecision(store.db, org.id, decisionId);
  if (!decision || decision.customer !== customerId)
    throw new AppError("NOT_FOUND", `decision: no decision "${decisionId}" for this customer`);
  if (decision.kind !== "part_ways" || !decision.letterText)
    throw new AppError("BAD_INPUT", "decision: only a parting has a letter to send");
  const { record } = await customerForLetter(store, org, customerId);
  if (!record.email)
    throw new AppError("BAD_INPUT", "email: the customer has no e-mail address on record");
  const lang = decision.letterLang ?? "fr";
  // The letterhead of the printed letter, as the mail's signature block.
  const head = await organizationLetterhead(store, org, lang);
  const signature = [head.name, ...head.lines, ...head.legal].join("\n");
  await enqueueMail(store, {
    orgId: org.id,
    to: record.email,
    subject: `${org.name} - ${LETTER_SUBJECT[lang]}`,
    text: `${decision.letterText}\n\n-- \n${signature}`,
  });
  const sent = sendMail ? (await deliverOutbox(store, sendMail)).sent > 0 : false;
  return { to: record.email, sent };
}
