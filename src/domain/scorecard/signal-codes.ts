/**
 * The signals of a scorecard (spec section 3): their codes, in display order, and their kind.
 * - negative: a fault in how the customer treats the business (they drive segments 1 to 3);
 * - risk: a risk for the business that is not the customer's fault (concentration, detractor);
 * - positive: what makes a partner.
 */
export const SIGNAL_CODES = [
  "abusive",
  "warranty_gaming",
  "unpaid",
  "late_payer",
  "haggler",
  "unprofitable",
  "scope_creep",
  "missing_inputs",
  "unfounded_complaints",
  "serial_returner",
  "concentration",
  "detractor",
  "loyal",
  "prompt_payer",
  "promoter",
  "high_value",
] as const;
export type SignalCode = (typeof SIGNAL_CODES)[number];

export type SignalKind = "negative" | "risk" | "positive";

export const SIGNAL_KINDS: Readonly<Record<SignalCode, SignalKind>> = Object.freeze({
  abusive: "negative",
  warranty_gaming: "negative",
  unpaid: "negative",
  late_payer: "negative",
  haggler: "negative",
  unprofitable: "negative",
  scope_creep: "negative",
  missing_inputs: "negative",
  unfounded_complaints: "negative",
  serial_returner: "negative",
  concentration: "risk",
  detractor: "risk",
  loyal: "positive",
  prompt_payer: "positive",
  promoter: "positive",
  high_value: "positive",
});

/** One signal on a scorecard: why, in plain words with numbers, and the facts that prove it. */
export interface Signal {
  code: SignalCode;
  /** Ids of the facts that prove the signal, oldest first. */
  evidence: string[];
  /** In the organization's language. */
  message: string;
}

export function signalKind(code: SignalCode): SignalKind {
  return SIGNAL_KINDS[code];
}

export function isNegativeSignal(code: SignalCode): boolean {
  return SIGNAL_KINDS[code] === "negative";
}

export function isRiskSignal(code: SignalCode): boolean {
  return SIGNAL_KINDS[code] === "risk";
}

export function isPositiveSignal(code: SignalCode): boolean {
  return SIGNAL_KINDS[code] === "positive";
}

/** Position in SIGNAL_CODES (-1 for a code that is not one, as indexOf). */
const RANKS: ReadonlyMap<string, number> = new Map(SIGNAL_CODES.map((code, i) => [code, i]));
const rank = (signal: Signal): number => RANKS.get(signal.code) ?? -1;

/**
 * Sorts signals in the order of SIGNAL_CODES (negatives first, then risks, then positives),
 * into a new array. The sort is stable, so a list already in order (an assessment's, most
 * scorecards') is only copied: some 100,000 scorecards a pass.
 */
export function sortSignals(signals: readonly Signal[]): Signal[] {
  const sorted = signals.slice();
  for (let i = 1; i < sorted.length; i++) {
    if (rank(sorted[i - 1] as Signal) > rank(sorted[i] as Signal)) {
      return sorted.sort((a, b) => rank(a) - rank(b));
    }
  }
  return sorted;
}
