/**
 * A customer's facts for people and the web app: oldest first, instants as ISO strings,
 * money as decimals, the fields named as in the import format. Staff do not see costs.
 */

import type { RecordChange } from "../../domain/customer-record.ts";
import { FACT_FIELDS } from "../../domain/fact-validation.ts";
import type { Fact } from "../../domain/facts.ts";
import { fromMinor } from "../../domain/money.ts";

/** What a correction of a customer record changed, said in words by the web app. */
export type TimelineChange = RecordChange & {
  /** The name of `customer` (the one merged into, or out of). */
  name?: string;
  /** The record corrected, when it is not the customer shown (one merged into it). */
  of?: { id: string; name: string };
};

export interface TimelineEntryJson {
  id: string;
  type: string;
  at: string;
  fields: Record<string, unknown>;
  change?: TimelineChange;
}

/**
 * Unknown fields kept for the record but not for people: who wrote a fact (an account id),
 * what a correction names, and the record states a change says in words.
 */
const HIDDEN_EXTRA = new Set([
  "created_by",
  "changed_by",
  "reported_by",
  // Who recorded a payment (a member's id; their name is the payment's staff).
  "recorded_by",
  "corrects",
  "archived",
  "merged_into",
]);

/** Fields that reveal margins (materials cost, remedy amounts). */
const COST_FIELDS = new Set(["cost", "remedy_amount"]);

export function presentTimeline(
  facts: readonly Fact[],
  digits: number,
  options: { hideCosts: boolean; changes?: ReadonlyMap<string, TimelineChange> },
): TimelineEntryJson[] {
  const sorted = [...facts].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  return sorted.map((fact) => {
    const specs = FACT_FIELDS[fact.type] ?? {};
    const fields: Record<string, unknown> = {};
    // Unknown fields read as fields of their own (a business customer's SIREN), text and
    // numbers only: nested values stay in the ledger and its export, not in words.
    const extra = Object.entries(fact.extra ?? {}).filter(
      ([key, value]) =>
        !HIDDEN_EXTRA.has(key) && ["string", "number", "boolean"].includes(typeof value),
    );
    for (const [key, value] of [...Object.entries(fact), ...extra]) {
      if (key === "type" || key === "id" || key === "at" || value === undefined) continue;
      if (key === "extra" || key === "corrects") continue;
      if (options.hideCosts && COST_FIELDS.has(key)) continue;
      const kind = specs[key]?.kind;
      if (kind === "money" && typeof value === "number") fields[key] = fromMinor(value, digits);
      else if (kind === "instant" && typeof value === "number")
        fields[key] = new Date(value).toISOString();
      else if (key === "disclosures" && Array.isArray(value)) {
        fields[key] = value.map((d) => ({
          ...d,
          acknowledged_at:
            typeof d.acknowledged_at === "number"
              ? new Date(d.acknowledged_at).toISOString()
              : undefined,
        }));
      } else fields[key] = value;
    }
    const change = fact.type === "customer" ? options.changes?.get(fact.id) : undefined;
    const at = new Date(fact.at).toISOString();
    return change
      ? { id: fact.id, type: fact.type, at, fields, change }
      : { id: fact.id, type: fact.type, at, fields };
  });
}
