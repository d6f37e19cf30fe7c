/**
 * The courteous letter that ends a relationship, drafted from a template in French or English:
 * the decision, thanks, what is outstanding (the balance, orders in progress delivered or
 * refunded), and, when the door stays open, the condition to come back. The owner edits it
 * before it is sent; what is sent is what is recorded.
 */
import type { PartingReason } from "./relationship.ts";

export interface LetterInput {
  lang: "fr" | "en";
  orgName: string;
  customerName: string;
  reason: PartingReason;
  /** The owner's own explanation, quoted in the letter. */
  explanation: string;
  doorOpen: boolean;
  condition: string | null;
  /** The outstanding balance, already formatted ("120,00 €"), or null when nothing is due. */
  outstanding: string | null;
  /** Orders accepted and not delivered yet, as people read them ("Resoling (in-3fa2)"). */
  ordersInProgress: string[];
  signer: string;
}

/** The reason in the letter's words: plain, never insulting. */
export const REASON_PHRASES: Record<"fr" | "en", Record<PartingReason, string>> = {
  fr: {
    abusive: "le comportement envers notre équipe, que nous ne pouvons pas accepter",
    unpaid: "des factures restées impayées",
    warranty_gaming: "des retours répétés en fin de garantie",
    disagreement: "des désaccords répétés sur notre travail",
    other: "une raison que nous vous expliquons ci-dessous",
  },
  en: {
    abusive: "behaviour towards our team that we cannot accept",
    unpaid: "invoices that remain unpaid",
    warranty_gaming: "repeated returns at the end of the warranty",
    disagreement: "repeated disagreements about our work",
    other: "a reason we explain below",
  },
};

const T = {
  fr: {
    greeting: (name: string) => `Bonjour ${name},`,
    decision: (org: string, reason: string) =>
      `Après réflexion, ${org} a décidé de mettre fin à notre collaboration, en raison de ${reason}.`,
    thanks: "Nous vous remercions pour la confiance que vous nous avez accordée jusqu'ici.",
    balance: (amount: string) =>
      `Il reste un solde de ${amount} à régler ; nous vous remercions de le faire dans les meilleurs délais.`,
    noBalance: "Vous ne nous devez rien.",
    orders: (list: string) =>
      `Les commandes en cours (${list}) vous seront livrées comme convenu, ou remboursées si vous le préférez.`,
    open: (condition: string | null) =>
      condition
        ? `Notre porte reste ouverte : vous serez de nouveau le bienvenu ${condition}.`
        : "Notre porte reste ouverte si vous souhaitez revenir vers nous plus tard.",
    closed: "Cette décision est définitive.",
    closing: "Avec nos salutations distinguées,",
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    decision: (org: string, reason: string) =>
      `After careful thought, ${org} has decided to end our working relationship, because of ${reason}.`,
    thanks: "Thank you for the trust you have placed in us until now.",
    balance: (amount: string) =>
      `An outstanding balance of ${amount} remains; we would be grateful if you settled it soon.`,
    noBalance: "You owe us nothing.",
    orders: (list: string) =>
      `The orders in progress (${list}) will be delivered as agreed, or refunded if you prefer.`,
    open: (condition: string | null) =>
      condition
        ? `Our door stays open: you will be welcome back ${condition}.`
        : "Our door stays open should you wish to come back later.",
    closed: "This decision is final.",
    closing: "Kind regards,",
  },
} as const;

/** @example draftPartingLetter({lang: "en", reason: "unpaid", ...}) // "Dear Ana,\n\nAfter careful thought, ..." */
export function draftPartingLetter(input: LetterInput): string {
  const t = T[input.lang];
  const paragraphs = [
    t.greeting(input.customerName),
    t.decision(input.orgName, REASON_PHRASES[input.lang][input.reason]),
  ];
  const explanation = input.explanation.trim();
  if (explanation) paragraphs.push(explanation);
  paragraphs.push(t.thanks);
  paragraphs.push(input.outstanding ? t.balance(input.outstanding) : t.noBalance);
  if (input.ordersInProgress.length > 0)
    paragraphs.push(t.orders(input.ordersInProgress.join(", ")));
  paragraphs.push(input.doorOpen ? t.open(input.condition?.trim() || null) : t.closed);
  paragraphs.push(`${t.closing}\n${input.signer}\n${input.orgName}`);
  return paragraphs.join("\n\n");
}

/** A suggested condition to come back, per reason (the owner may change it). */
export const DEFAULT_CONDITIONS: Record<"fr" | "en", Partial<Record<PartingReason, string>>> = {
  fr: {
    unpaid: "une fois le solde réglé",
    warranty_gaming: "avec des conditions de retour écrites à l'avance",
    disagreement: "avec un devis et un cahier des charges écrits à l'avance",
  },
  en: {
    unpaid: "once the balance is settled",
    warranty_gaming: "with return terms agreed in writing beforehand",
    disagreement: "with a written quote and brief agreed beforehand",
  },
};
