/**
 * The customer's side of the acknowledgement link: open it (the order's item, every
 * disclosure, the open questions), then acknowledge every disclosure with a typed name and
 * answer the questions, once. A link that is unknown, or whose order is not its own
 * organization's, is ACK_LINK_INVALID; one already used or expired is ACK_LINK_EXPIRED.
 */
import { AppError } from "../../domain/errors.ts";
import type {
  IntakeDisclosure,
  IntakeOrder,
  IntakeQuestion,
} from "../../domain/intake/intake-order.ts";
import type { Store } from "../../store/database.ts";
import {
  type AckLinkRow,
  findAckLinkByHash,
  useAckLink,
} from "../../store/intake-ack-link-repository.ts";
import {
  acknowledgeDisclosureRow,
  findOrder,
  listDisclosures,
  listQuestions,
  saveOrder,
} from "../../store/intake-order-repository.ts";
import { type IntakeDb, intakeDb } from "../../store/intake-schema.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { inTransaction, refreshOpenStatus } from "./intake-support.ts";
import { answerQuestionIn } from "./manage-intake-questions.ts";
import { hashAckToken } from "./send-ack-link.ts";

export interface AckPage {
  org: Pick<Organization, "name" | "lang" | "time_zone">;
  lang: "fr" | "en";
  order: IntakeOrder;
  disclosures: IntakeDisclosure[];
  openQuestions: IntakeQuestion[];
  expiresAt: number;
}

async function resolveLink(db: IntakeDb, secret: string, now: number) {
  const link = await findAckLinkByHash(db, hashAckToken(secret));
  if (!link) throw new AppError("ACK_LINK_INVALID", "token: this link does not exist");
  // The order is looked up within the link's own organization: a link can never open
  // another organization's order, whatever id it names.
  const order = await findOrder(db, link.org_id, link.order_id);
  const org = await db
    .selectFrom("organizations")
    .select(["name", "lang", "time_zone"])
    .where("id", "=", link.org_id)
    .executeTakeFirst();
  if (!order || !org)
    throw new AppError("ACK_LINK_INVALID", "token: this link does not match any order");
  if (link.used_at !== null)
    throw new AppError("ACK_LINK_EXPIRED", "token: this link was already used");
  if (Date.parse(link.expires_at) < now)
    throw new AppError("ACK_LINK_EXPIRED", "token: this link has expired");
  if (
    order.status !== "draft" &&
    order.status !== "awaiting_answers" &&
    order.status !== "quoted"
  ) {
    throw new AppError("ACK_LINK_EXPIRED", `token: the order is already ${order.status}`);
  }
  return { link, order, org };
}

async function pageOf(
  db: IntakeDb,
  link: AckLinkRow,
  order: IntakeOrder,
  org: AckPage["org"],
): Promise<AckPage> {
  return {
    org,
    lang: link.lang === "en" ? "en" : "fr",
    order,
    disclosures: await listDisclosures(db, link.org_id, order.id),
    openQuestions: (await listQuestions(db, link.org_id, order.id)).filter(
      (q) => q.answeredAt === null,
    ),
    expiresAt: Date.parse(link.expires_at),
  };
}

export async function openAckLink(
  store: Store,
  secret: string,
  now = Date.now(),
): Promise<AckPage> {
  const db = intakeDb(store.db);
  const { link, order, org } = await resolveLink(db, secret, now);
  return pageOf(db, link, order, org);
}

export interface AckSubmission {
  name: string;
  /** Ids of the disclosures the customer ticked: all of them are required. */
  acknowledged: string[];
  /** Answers by question id (optional: an unanswered question stays open). */
  answers: Record<string, string>;
}

export async function submitAckLink(
  store: Store,
  secret: string,
  submission: AckSubmission,
  now = Date.now(),
): Promise<AckPage> {
  return inTransaction(store, async (db) => {
    const { link, order, org } = await resolveLink(db, secret, now);
    const page = await pageOf(db, link, order, org);
    const name = submission.name.trim();
    if (!name) throw new AppError("BAD_INPUT", "name: type your name to acknowledge");
    const missing = page.disclosures.filter(
      (d) => d.acknowledgedAt === null && !submission.acknowledged.includes(d.id),
    );
    if (missing.length > 0) {
      throw new AppError("BAD_INPUT", `acknowledged: tick every point (${missing.length} left)`);
    }
    if (!(await useAckLink(db, link.org_id, link.id, now))) {
      throw new AppError("ACK_LINK_EXPIRED", "token: this link was already used");
    }
    for (const d of page.disclosures) {
      if (d.acknowledgedAt === null) {
        await acknowledgeDisclosureRow(db, link.org_id, d.id, { at: now, by: name, via: "link" });
      }
    }
    for (const q of page.openQuestions) {
      const answer = submission.answers[q.id]?.trim();
      if (answer) await answerQuestionIn(db, link.org_id, order.id, q.id, answer, "link", now);
    }
    await saveOrder(db, link.org_id, await refreshOpenStatus(db, link.org_id, order));
    return pageOf(db, link, (await findOrder(db, link.org_id, order.id)) as IntakeOrder, org);
  });
}
