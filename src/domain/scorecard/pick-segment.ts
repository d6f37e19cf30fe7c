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
  // One pass over the codes (every scorecard of a pass comes here), then the rules in order.
  let renegotiate = false;
  let watch = false;
  let negative = false;
  let valued = false;
  for (const code of codes) {
    if (PART_WAYS.includes(code) || (code === "unpaid" && unpaidAfterFormalNotice)) {
      return "part_ways";
    }
    if (RENEGOTIATE.includes(code)) renegotiate = true;
    if (WATCH.includes(code)) watch = true;
    if (isNegativeSignal(code)) negative = true;
    if (code === "loyal" || code === "high_value") valued = true;
  }
  if (renegotiate) return "renegotiate";
  if (watch) return "watch";
  return !negative && valued ? "partner" : "steady";
}
