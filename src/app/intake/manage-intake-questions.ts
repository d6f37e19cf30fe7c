/**
 * Open questions on an order (missing or wrong information in the brief): asking one puts the
 * order in `awaiting_answers`; an answer typed at the counter is read at once, one given by
 * the customer through the link waits in the inbox until someone reviews it.
 */
import { AppError } from "../../domain/errors.ts";
import type { IntakeQuestion } from "../../domain/intake/intake-order.ts";
import {
  insertQuestion,
  listQuestions,
  saveOrder,
  saveQuestion,
} from "../../store/intake-order-repository.ts";
import type { IntakeDb } from "../../store/intake-schema.ts";
import {
  type IntakeContext,
  inTransaction,
  newId,
  nowOf,
  refreshOpenStatus,
  requireOpen,
  requireOrder,
} from "./intake-support.ts";

export async function askQuestion(
  ctx: IntakeContext,
  orderId: string,
  text: string,
): Promise<IntakeQuestion> {
  return inTransaction(ctx.store, async (db) => {
    const order = await requireOrder(db, ctx.org.id, orderId);
    requireOpen(order, "ask a question");
    const question: IntakeQuestion = {
      id: newId("q"),
      orderId,
      text,
      askedAt: nowOf(ctx),
      answer: null,
      answeredAt: null,
      answeredVia: null,
      reviewedAt: null,
    };
    await insertQuestion(db, ctx.org.id, question);
    await saveOrder(db, ctx.org.id, await refreshOpenStatus(db, ctx.org.id, order));
    return question;
  });
}

async function requireQuestion(db: IntakeDb, orgId: string, orderId: string, id: string) {
  const question = (await listQuestions(db, orgId, orderId)).find((q) => q.id === id);
  if (!question)
    throw new AppError("NOT_FOUND", `questionId: no question "${id}" on order ${orderId}`);
  return question;
}

/** Records the customer's answer (`via` counter: typed by staff; link: by the customer). */
export async function answerQuestionIn(
  db: IntakeDb,
  orgId: string,
  orderId: string,
  id: string,
  answer: string,
  via: "counter" | "link",
  at: number,
): Promise<IntakeQuestion> {
  const question = await requireQuestion(db, orgId, orderId, id);
  if (question.answeredAt !== null) {
    throw new AppError(
      "ORDER_TRANSITION_INVALID",
      `questionId: question ${id} is already answered`,
    );
  }
  const answered: IntakeQuestion = {
    ...question,
    answer,
    answeredAt: at,
    answeredVia: via,
    reviewedAt: via === "counter" ? at : null,
  };
  await saveQuestion(db, orgId, answered);
  return answered;
}

export async function answerQuestion(
  ctx: IntakeContext,
  orderId: string,
  id: string,
  answer: string,
): Promise<IntakeQuestion> {
  return inTransaction(ctx.store, async (db) => {
    const order = await requireOrder(db, ctx.org.id, orderId);
    requireOpen(order, "answer a question");
    const answered = await answerQuestionIn(
      db,
      ctx.org.id,
      orderId,
      id,
      answer,
      "counter",
      nowOf(ctx),
    );
    await saveOrder(db, ctx.org.id, await refreshOpenStatus(db, ctx.org.id, order));
    return answered;
  });
}

/** Marks an answer given through the link as read (it leaves the inbox). */
export async function reviewAnswer(
  ctx: IntakeContext,
  orderId: string,
  id: string,
): Promise<IntakeQuestion> {
  return inTransaction(ctx.store, async (db) => {
    await requireOrder(db, ctx.org.id, orderId);
    const question = await requireQuestion(db, ctx.org.id, orderId, id);
    if (question.answeredAt === null) {
      throw new AppError(
        "ORDER_TRANSITION_INVALID",
        `questionId: question ${id} has no answer yet`,
      );
    }
    const reviewed = { ...question, reviewedAt: question.reviewedAt ?? nowOf(ctx) };
    await saveQuestion(db, ctx.org.id, reviewed);
    return reviewed;
  });
}
