/**
 * Starts the member's timer on a customer or an order: one running per member, kept in the
 * database (a reload or a restart finds it). Nothing is in the ledger until it is stopped.
 */
import { AppError } from "../../domain/errors.ts";
import type { TimeActivity } from "../../domain/facts.ts";
import { canRecordFacts } from "../../domain/policies.ts";
import { insertTimer, type RunningTimer } from "../../store/timer-repository.ts";
import { type IntakeContext, nowOf } from "../intake/intake-support.ts";
import { resolveTimeTarget } from "./time-support.ts";

export async function startTimer(
  ctx: IntakeContext,
  input: { customer?: string; order?: string; activity: TimeActivity },
): Promise<RunningTimer> {
  if (!canRecordFacts(ctx.actor.role))
    throw new AppError("FORBIDDEN", `role ${ctx.actor.role} may not log time`);
  const target = await resolveTimeTarget(ctx.store, ctx.org.id, input);
  const timer: RunningTimer = {
    userId: ctx.actor.userId,
    customer: target.customer,
    order: target.order ?? null,
    activity: input.activity,
    startedAt: nowOf(ctx),
  };
  // The primary key (organization, member) decides between two tabs starting at once.
  if (!(await insertTimer(ctx.store.db, ctx.org.id, timer))) {
    throw new AppError(
      "TIMER_RUNNING",
      "timer: one of yours is already running; stop it or discard it first",
    );
  }
  return timer;
}
