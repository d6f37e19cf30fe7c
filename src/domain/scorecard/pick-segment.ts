import type { Segment } from "./segments.ts";
import { isNegativeSignal, type SignalCode } from "./signal-codes.ts";

const PART_WAYS: readonly SignalCode[] = ["abusive", "warranty_gaming"];
const RENEGOTIATE: readonly SignalCode[] = [
  "unpaid",
  "late_payer",
  "haggler",
  "unprofitable",
  "scope_creep",
  "missing_inputs",
];
const WATCH: readonly SignalCode[] = ["unfounded_complaints", "serial_returner"];

/**
 * The one segment of spec section 4: the first rule that matches. Risks (concentration,
 * detractor) are not faults, so they never move a customer out of partner or steady.
 * @example pickSegment(["unpaid"], { unpaidAfterFormalNotice: true }) // "part_ways"
 */
export function pickSegment(
  codes: readonly SignalCode[],
  { unpaidAfterFormalNotice }: { unpaidAfterFormalNotice: boolean },
): Segment {
  const has = (list: readonly SignalCode[]) => codes.some((c) => list.includes(c));
  if (has(PART_WAYS) || (codes.includes("unpaid") && unpaidAfterFormalNotice)) return "part_ways";
  if (has(RENEGOTIATE)) return "renegotiate";
  if (has(WATCH)) return "watch";
  if (!codes.some(isNegativeSignal) && (codes.includes("loyal") || codes.includes("high_value"))) {
    return "partner";
  }
  return "steady";
}
