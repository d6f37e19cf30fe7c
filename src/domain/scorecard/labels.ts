/** Names of segments and signals for people, in French and English. */
import type { Lang } from "./message-format.ts";
import type { Segment } from "./segments.ts";
import type { SignalCode } from "./signal-codes.ts";

const SEGMENT_LABELS: Record<Segment, Record<Lang, string>> = {
  part_ways: { fr: "se séparer", en: "part ways" },
  renegotiate: { fr: "renégocier", en: "renegotiate" },
  watch: { fr: "à surveiller", en: "watch" },
  partner: { fr: "partenaire", en: "partner" },
  steady: { fr: "régulier", en: "steady" },
};

const SIGNAL_LABELS: Record<SignalCode, Record<Lang, string>> = {
  abusive: { fr: "comportement abusif", en: "abusive" },
  warranty_gaming: { fr: "abus de garantie", en: "warranty gaming" },
  unpaid: { fr: "impayé", en: "unpaid" },
  late_payer: { fr: "paie en retard", en: "late payer" },
  haggler: { fr: "marchandeur", en: "haggler" },
  unprofitable: { fr: "non rentable", en: "unprofitable" },
  scope_creep: { fr: "demandes hors forfait", en: "scope creep" },
  missing_inputs: { fr: "éléments manquants", en: "missing inputs" },
  unfounded_complaints: { fr: "réclamations infondées", en: "unfounded complaints" },
  serial_returner: { fr: "retours à répétition", en: "serial returner" },
  concentration: { fr: "dépendance", en: "concentration" },
  detractor: { fr: "détracteur", en: "detractor" },
  loyal: { fr: "fidèle", en: "loyal" },
  prompt_payer: { fr: "paie à l'heure", en: "prompt payer" },
  promoter: { fr: "prescripteur", en: "promoter" },
  high_value: { fr: "gros client", en: "high value" },
};

/** @example segmentLabel("part_ways", "fr") // "se séparer" */
export function segmentLabel(segment: Segment, lang: Lang): string {
  return SEGMENT_LABELS[segment][lang];
}

/** @example signalLabel("late_payer", "en") // "late payer" */
export function signalLabel(code: SignalCode, lang: Lang): string {
  return SIGNAL_LABELS[code][lang];
}
