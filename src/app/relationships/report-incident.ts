/**
 * Reports an incident with a customer (any member: staff are the first to bear it). It is the
 * spec's `incident` fact (customer, severity, staff, text), so the next scorecard read counts
 * it: `abusive`, and with it the `part_ways` recommendation (docs/relationships.md).
 */
import { AppError } from "../../domain/errors.ts";
import type { IncidentFact } from "../../domain/facts.ts";
import { canRecordFacts } from "../../domain/policies.ts";
import { findFact, insertFact } from "../../store/fact-repository.ts";
import { type IntakeContext, newId, nowOf } from "../intake/intake-support.ts";

export interface ReportIncidentInput {
  customer: string;
  /** 1 rude, 2 insulting or intimidating, 3 threat, harassment, discrimination or violence. */
  severity: 1 | 2 | 3;
  /** The staff member concerned (a name as people say it). */
  staff?: string;
  text: string;
  /** When it happened (epoch ms); default now. */
  at?: number;
}

export async function reportIncident(
  ctx: IntakeContext,
  input: ReportIncidentInput,
): Promise<IncidentFact> {
  if (!canRecordFacts(ctx.actor.role))
    throw new AppError("FORBIDDEN", `role ${ctx.actor.role} may not report incidents`);
  const now = nowOf(ctx);
  if (input.at !== undefined && input.at > now)
    throw new AppError("BAD_INPUT", "at: is in the future");
  if (!(await findFact(ctx.store, ctx.org.id, "customer", input.customer)))
    throw new AppError("CUSTOMER_NOT_FOUND", `customer: no customer "${input.customer}"`);
  const fact: IncidentFact = {
    type: "incident",
    id: newId("inc"),
    at: input.at ?? now,
    customer: input.customer,
    severity: input.severity,
    text: input.text,
    // Who wrote it down, kept as an unknown field of the spec's fact (scoring ignores it).
    extra: { reported_by: ctx.actor.userId },
  };
  if (input.staff) fact.staff = input.staff;
  await insertFact(ctx.store, ctx.org.id, fact);
  return fact;
}
