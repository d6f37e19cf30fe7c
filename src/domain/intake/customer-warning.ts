/**
 * The warning shown at intake when the customer is in `part_ways` or has negative signals.
 * Staff see that there is a reason for care, not the scorecard itself (docs/roles.md).
 */
import { canSeeScorecards, type Role } from "../policies.ts";
import { SIGNAL_KINDS, type SignalCode } from "../scorecard/signal-codes.ts";

export interface CustomerWarning {
  level: "part_ways" | "signals" | "none";
  segment?: string | null;
  signals?: string[];
  message: string;
}

const MESSAGES = {
  part_ways: {
    fr: "Comptoir recommande de ne plus travailler avec ce client : voyez avec un responsable avant d'accepter.",
    en: "Comptoir recommends parting ways with this customer: check with a manager before accepting.",
  },
  signals: {
    fr: "Ce client a des signaux à surveiller : prévoyez des conditions claires (acompte, devis écrit).",
    en: "This customer has signals to watch: set clear terms (deposit, written quote).",
  },
  none: { fr: "Rien à signaler.", en: "Nothing to report." },
} as const;

/** @example customerWarning({segment: "part_ways", signals: ["abusive"]}, "staff", "en").level // "part_ways" */
export function customerWarning(
  scorecard: { segment: string | null; signals: { code: string }[] } | undefined,
  role: Role,
  lang: "fr" | "en",
): CustomerWarning {
  const negative = (scorecard?.signals ?? [])
    .map((s) => s.code)
    .filter((c) => SIGNAL_KINDS[c as SignalCode] === "negative");
  const level =
    scorecard?.segment === "part_ways" ? "part_ways" : negative.length > 0 ? "signals" : "none";
  const warning: CustomerWarning = { level, message: MESSAGES[level][lang] };
  if (canSeeScorecards(role)) {
    warning.segment = scorecard?.segment ?? null;
    warning.signals = negative;
  }
  return warning;
}
