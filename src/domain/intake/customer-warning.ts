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
  /**
   * For a customer in `renegotiate` (issue 16): a deposit of the charter's `deposit_pct`, and
   * why. Accepting the order with it issues the deposit invoice.
   */
  deposit?: { pct: number; reason: string };
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

/**
 * Why a deposit. Managers and owners read that the customer is to renegotiate with; staff read
 * the reason for care without the scorecard (docs/roles.md).
 */
export function depositReason(pct: number, lang: "fr" | "en", seesScorecard: boolean): string {
  const share = lang === "fr" ? `${String(pct).replace(".", ",")} %` : `${pct}%`;
  if (lang === "fr") {
    const why = seesScorecard
      ? "Ce client est à renégocier : la relation coûte plus qu'elle ne devrait (retards de paiement, remises, reprises)."
      : "Pour ce client, Comptoir conseille des conditions plus fermes.";
    return `${why} Demandez un acompte de ${share} : il engage le client, couvre une partie du travail, et devient une facture d'acompte à l'acceptation.`;
  }
  const why = seesScorecard
    ? "This customer is one to renegotiate with: the relationship costs more than it should (late payments, discounts, rework)."
    : "For this customer, Comptoir advises firmer terms.";
  return `${why} Ask for a ${share} deposit: it commits the customer, covers part of the work, and becomes a deposit invoice on acceptance.`;
}

/** @example customerWarning({segment: "part_ways", signals: ["abusive"]}, "staff", "en").level // "part_ways" */
export function customerWarning(
  scorecard: { segment: string | null; signals: { code: string }[] } | undefined,
  role: Role,
  lang: "fr" | "en",
  depositPct?: number,
): CustomerWarning {
  const negative = (scorecard?.signals ?? [])
    .map((s) => s.code)
    .filter((c) => SIGNAL_KINDS[c as SignalCode] === "negative");
  const level =
    scorecard?.segment === "part_ways" ? "part_ways" : negative.length > 0 ? "signals" : "none";
  const warning: CustomerWarning = { level, message: MESSAGES[level][lang] };
  if (scorecard?.segment === "renegotiate" && depositPct !== undefined && depositPct > 0) {
    warning.deposit = {
      pct: depositPct,
      reason: depositReason(depositPct, lang, canSeeScorecards(role)),
    };
  }
  if (canSeeScorecards(role)) {
    warning.segment = scorecard?.segment ?? null;
    warning.signals = negative;
  }
  return warning;
}
