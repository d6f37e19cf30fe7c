/**
 * Stops the member's timer: its row goes and a `time` fact comes, in one transaction (two
 * tabs stopping at once log the time once). Discarding drops the row and logs nothing.
 */
import { AppError } from "../../domain/errors.ts";
import type { TimeActivity, TimeFact } from "../../domain/facts.ts";
import { timeFact } from "../../domain/intake/intake-facts.ts";
import { timerMinutes } from "../../domain/time/time-by-activity.ts";
import { insertFact } from "../../store/fact-repository.ts";
import { deleteTimer, findTimer, type RunningTimer } from "../../store/timer-repository.ts";
import { type IntakeContext, newId, nowOf } from "../intake/intake-support.ts";
import { memberStaff } from "./time-support.ts";

const notRunning = () =>
  new AppError("TIMER_NOT_RUNNING", "timer: none of yours is running (already stopped?)");

/** The member's running timer, or null. */
export async function getTimer(ctx: IntakeContext): Promise<RunningTimer | null> {
  return (await findTimer(ctx.store.db, ctx.org.id, ctx.actor.userId)) ?? null;
}

export async function stopTimer(
  ctx: IntakeContext,
  input: { activity?: TimeActivity } = {},
): Promise<TimeFact> {
  const now = nowOf(ctx);
  return ctx.store.db.transaction().execute(async (trx) => {
    const timer = await findTimer(trx, ctx.org.id, ctx.actor.userId);
    if (!timer || !(await deleteTimer(trx, ctx.org.id, ctx.actor.userId))) throw notRunning();
    const fact = timeFact({
      id: newId("t"),
      at: now,
      customer: timer.customer,
      order: timer.order ?? undefined,
      minutes: timerMinutes(timer.startedAt, now),
      activity: input.activity ?? timer.activity,
      ...memberStaff(ctx.actor),
    });
    await insertFact({ ...ctx.store, db: trx }, ctx.org.id, fact);
    return fact;
  });
}

export async function discardTimer(ctx: IntakeContext): Promise<void> {
  if (!(await deleteTimer(ctx.store.db, ctx.org.id, ctx.actor.userId))) throw notRunning();
}
