/**
 * A manual time entry on a customer or one of its orders (any member): the spec's `time`
 * fact, the member who logs it as its staff (docs/time.md).
 */
import { AppError } from "../../domain/errors.ts";
import type { TimeActivity, TimeFact } from "../../domain/facts.ts";
import { timeFact } from "../../domain/intake/intake-facts.ts";
import { canRecordFacts } from "../../domain/policies.ts";
import { insertFact } from "../../store/fact-repository.ts";
import { type IntakeContext, newId, nowOf } from "../intake/intake-support.ts";
import { memberStaff, resolveTimeTarget } from "./time-support.ts";

export interface LogTimeInput {
  customer?: string;
  order?: string;
  activity: TimeActivity;
  minutes: number;
  /** When the work was done (epoch ms); default now. */
  at?: number;
}

export async function logTime(ctx: IntakeContext, input: LogTimeInput): Promise<TimeFact> {
  if (!canRecordFacts(ctx.actor.role))
    throw new AppError("FORBIDDEN", `role ${ctx.actor.role} may not log time`);
  const now = nowOf(ctx);
  if (input.at !== undefined && input.at > now)
    throw new AppError("BAD_INPUT", "at: is in the future");
  const target = await resolveTimeTarget(ctx.store, ctx.org.id, input);
  const fact = timeFact({
    id: newId("t"),
    at: input.at ?? now,
    ...target,
    minutes: input.minutes,
    activity: input.activity,
    ...memberStaff(ctx.actor),
  });
  await insertFact(ctx.store, ctx.org.id, fact);
  return fact;
}
