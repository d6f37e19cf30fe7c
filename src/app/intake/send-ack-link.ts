/**
 * Sends the customer a link to acknowledge the disclosures (and answer open questions) on a
 * public page, without an account: an unguessable secret whose hash only is stored, valid
 * ACK_LINK_HOURS, usable once. The e-mail goes through the outbox in the same transaction.
 */

import { createHash, randomBytes } from "node:crypto";
import { AppError } from "../../domain/errors.ts";
import { findCustomer } from "../../store/customer-records.ts";
import { insertAckLink } from "../../store/intake-ack-link-repository.ts";
import { listDisclosures } from "../../store/intake-order-repository.ts";
import {
  type IntakeContext,
  inTransaction,
  newId,
  nowOf,
  orgLang,
  requireOpen,
  requireOrder,
} from "./intake-support.ts";

export const ACK_LINK_HOURS = 72;

export const hashAckToken = (secret: string) => createHash("sha256").update(secret).digest("hex");

export interface AckLinkResult {
  /** The full link (shown to staff once, e.g. to print as a QR code). */
  link: string;
  expiresAt: number;
  email: string | null;
}

export async function sendAckLink(
  ctx: IntakeContext,
  orderId: string,
  input: { email?: string; lang?: "fr" | "en" },
  publicUrl: string,
): Promise<AckLinkResult> {
  const now = nowOf(ctx);
  return inTransaction(ctx.store, async (db, facts) => {
    const order = await requireOrder(db, ctx.org.id, orderId);
    requireOpen(order, "send an acknowledgement link");
    const disclosures = await listDisclosures(db, ctx.org.id, orderId);
    // The record as it stands: a corrected e-mail address, not the first one.
    const customer = await findCustomer(facts, ctx.org.id, order.customer);
    const email =
      input.email ?? (customer?.type === "customer" ? customer.email : undefined) ?? null;
    const lang =
      input.lang ??
      (customer?.type === "customer" && customer.lang === "en" ? "en" : orgLang(ctx.org));
    const secret = randomBytes(24).toString("base64url");
    const expiresAt = now + ACK_LINK_HOURS * 3_600_000;
    await insertAckLink(db, {
      id: newId("ack"),
      org_id: ctx.org.id,
      order_id: orderId,
      token_hash: hashAckToken(secret),
      email,
      lang,
      created_by: ctx.actor.userId,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(expiresAt).toISOString(),
      used_at: null,
    });
    const link = `${publicUrl.replace(/\/$/, "")}/ack/${secret}`;
    if (email) {
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
        throw new AppError("BAD_INPUT", "email: invalid email address");
      const fr = lang === "fr";
      await db
        .insertInto("outbox")
        .values({
          org_id: ctx.org.id,
          to: email,
          subject: fr
            ? `${ctx.org.name} : à lire avant votre commande`
            : `${ctx.org.name}: please read before your order`,
          text: fr
            ? `Bonjour,\n\nAvant d'accepter votre commande « ${order.item} », ${ctx.org.name} vous demande de lire et de reconnaître les points suivants :\n${disclosures.map((d) => `- ${d.text}`).join("\n")}\n\nOuvrez ce lien (valable ${ACK_LINK_HOURS} heures, une seule fois) :\n${link}\n`
            : `Hello,\n\nBefore accepting your order "${order.item}", ${ctx.org.name} asks you to read and acknowledge the following:\n${disclosures.map((d) => `- ${d.text}`).join("\n")}\n\nOpen this link (valid ${ACK_LINK_HOURS} hours, once):\n${link}\n`,
          created_at: new Date(now).toISOString(),
          sent_at: null,
          last_error: null,
        })
        .execute();
    }
    return { link, expiresAt, email };
  });
}
