/**
 * Everything waiting for our answer, oldest first, each with its target (the charter's
 * `first_response_hours` on the organization's clock) and a countdown: answers customers gave
 * through the acknowledgement link, complaints without a first response, and detractor
 * feedback (score 0 to 6) nobody has answered yet.
 */
import { sql } from "kysely";
import { applyCorrections } from "../../domain/corrections.ts";
import { AppError } from "../../domain/errors.ts";
import { decodeFact } from "../../domain/fact-codec.ts";
import type { FeedbackFact } from "../../domain/facts.ts";
import { responseTarget } from "../../domain/intake/response-target.ts";
import { listComplaints } from "../../store/intake-complaint-repository.ts";
import { doneRefs, markDone } from "../../store/intake-inbox-repository.ts";
import { listUnreviewedAnswers } from "../../store/intake-order-repository.ts";
import { intakeDb } from "../../store/intake-schema.ts";
import { orgKey } from "../../store/org-key.ts";
import { charterOf, type IntakeContext, nowOf } from "../intake/intake-support.ts";

export type InboxKind = "answer" | "complaint" | "feedback";

export interface InboxItem {
  kind: InboxKind;
  /** The question, complaint or feedback id. */
  id: string;
  orderId: string | null;
  customer: string | null;
  text: string;
  since: number;
  due: number;
  remainingMinutes: number;
  overdue: boolean;
}

export interface Inbox {
  items: InboxItem[];
  counts: { total: number; overdue: number; answer: number; complaint: number; feedback: number };
}

/** Detractor feedback of the last 90 days is what the inbox shows. */
const FEEDBACK_DAYS = 90;

export async function listInbox(ctx: IntakeContext): Promise<Inbox> {
  const now = nowOf(ctx);
  const charter = await charterOf(ctx);
  const db = intakeDb(ctx.store.db);
  const target = (since: number) =>
    responseTarget(since, charter.first_response_hours, ctx.org.time_zone, now);
  const items: InboxItem[] = [];
  for (const q of await listUnreviewedAnswers(db, ctx.org.id)) {
    const since = q.answeredAt as number;
    items.push({
      kind: "answer",
      id: q.id,
      orderId: q.orderId,
      customer: q.customer,
      text: `${q.text} → ${q.answer}`,
      since,
      ...target(since),
    });
  }
  for (const c of await listComplaints(db, ctx.org.id, { open: true })) {
    if (c.firstResponseAt !== null) continue;
    items.push({
      kind: "complaint",
      id: c.id,
      orderId: c.orderId,
      customer: c.customer,
      text: c.text,
      since: c.openedAt,
      ...target(c.openedAt),
    });
  }
  const done = await doneRefs(db, ctx.org.id, "feedback");
  const rows = await db
    .selectFrom("facts")
    .select(["type", "id", "at", "customer", "data"])
    .where("org", "=", orgKey(ctx.org.id))
    .where("type", "=", sql.lit("feedback"))
    .where("at", ">=", new Date(now - FEEDBACK_DAYS * 86_400_000).toISOString())
    .where("at", "<=", new Date(now).toISOString())
    .execute();
  // A changed survey answer corrects the first: the inbox reads the answer as it stands now.
  for (const f of applyCorrections(rows.map((row) => decodeFact(row) as FeedbackFact))) {
    if (f.score === undefined || f.score > 6 || done.has(f.id)) continue;
    items.push({
      kind: "feedback",
      id: f.id,
      orderId: null,
      customer: f.customer ?? null,
      text: f.text ?? `score ${f.score}`,
      since: f.at,
      ...target(f.at),
    });
  }
  items.sort((a, b) => a.since - b.since || (a.id < b.id ? -1 : 1));
  const count = (k: InboxKind) => items.filter((i) => i.kind === k).length;
  return {
    items,
    counts: {
      total: items.length,
      overdue: items.filter((i) => i.overdue).length,
      answer: count("answer"),
      complaint: count("complaint"),
      feedback: count("feedback"),
    },
  };
}

/** Marks a detractor's feedback as answered (it leaves the inbox). */
export async function markFeedbackAnswered(ctx: IntakeContext, feedbackId: string): Promise<void> {
  const rows = await ctx.store.db
    .selectFrom("facts")
    .select("id")
    .where("org", "=", orgKey(ctx.org.id))
    .where("type", "=", sql.lit("feedback"))
    .where("id", "=", feedbackId)
    .execute();
  if (rows.length === 0)
    throw new AppError("NOT_FOUND", `id: no feedback "${feedbackId}" in this organization`);
  await markDone(intakeDb(ctx.store.db), ctx.org.id, {
    kind: "feedback",
    ref: feedbackId,
    by: ctx.actor.userId,
    at: nowOf(ctx),
  });
}
