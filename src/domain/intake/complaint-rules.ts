/**
 * Checks on a complaint's resolution: who is at fault and why, and a remedy that makes sense.
 * A fault of ours never counts against the customer (the scorecard's `unfounded_complaints`
 * only counts `customer`); saying so is the point of recording it.
 */
import type { Fault, REMEDIES } from "../facts.ts";

export type Remedy = (typeof REMEDIES)[number];

export interface ResolutionInput {
  fault: Fault;
  faultReason?: string;
  remedy: Remedy;
  /** Minor units. */
  remedyAmount?: number;
  explanation?: string;
}

export interface FieldProblem {
  field: string;
  reason: string;
}

/**
 * @example resolutionProblems({fault: "ours", remedy: "none"}) // [{field: "explanation", ...}]
 */
export function resolutionProblems(
  input: ResolutionInput,
  orderPrice: number | null,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const amount = input.remedyAmount ?? 0;
  if ((input.remedy === "discount" || input.remedy === "refund") && amount <= 0) {
    problems.push({
      field: "remedyAmount",
      reason: `a ${input.remedy} needs an amount above zero`,
    });
  }
  if ((input.remedy === "none" || input.remedy === "redo") && amount !== 0) {
    problems.push({ field: "remedyAmount", reason: `a ${input.remedy} has no amount` });
  }
  if (orderPrice !== null && input.remedy === "refund" && amount > orderPrice) {
    problems.push({ field: "remedyAmount", reason: "a refund cannot exceed the order's price" });
  }
  if (input.remedy === "none" && !input.explanation?.trim()) {
    problems.push({
      field: "explanation",
      reason: "say what was explained to the customer when there is no remedy",
    });
  }
  if (input.fault !== "unknown" && !input.faultReason?.trim()) {
    problems.push({ field: "faultReason", reason: "say why the fault is attributed this way" });
  }
  return problems;
}

/** Whether this complaint counts against the customer in the scorecard. */
export function countsAgainstCustomer(fault: Fault | undefined): boolean {
  return fault === "customer";
}
