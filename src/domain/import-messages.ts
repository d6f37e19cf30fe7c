/**
 * The import's errors as the owner reads them (issue 18), in French or English, naming the
 * column as the file does (`ligne 3 : montant : doit être un nombre`). The engine builds each
 * error once, in the spec's English (`line N: <field>: <reason>`, spec section 1, also the
 * machine output); this module turns the few listed (at most 100) into the reader's language,
 * so no line of a large import pays for it.
 */
import type { FactType } from "./facts.ts";
import { FRENCH_VALUES } from "./import-french.ts";

export type ImportLang = "fr" | "en";

/** One error as the engine gives it. */
export interface ImportErrorText {
  file?: string;
  line: number;
  field: string;
  reason: string;
}

/** French nouns of the types, with the article used in messages. */
const TYPE_NOUNS: Record<FactType, string> = {
  customer: "client",
  order: "commande",
  time: "temps passé",
  revision: "révision",
  chase: "relance d'éléments",
  invoice: "facture",
  payment: "paiement",
  reminder: "rappel",
  return: "retour",
  complaint: "réclamation",
  incident: "incident",
  feedback: "avis",
  credit_note: "avoir",
};

const noun = (type: string) => TYPE_NOUNS[type as FactType] ?? type;
const quoted = (text: string) => `« ${text} »`;

/** `"o1"` in an English reason → `« o1 »`. */
const q = (text: string) => quoted(text);

type Rule = [RegExp, (m: RegExpExecArray, context: MessageContext) => string];

interface MessageContext {
  /** The column as the file names it. */
  column: string;
  field: string;
  /** The file is a CSV (jj/mm/aaaa dates are read there in French). */
  csv: boolean;
}

const INSTANT_FR = (csv: boolean) =>
  csv
    ? "doit être une date (01/03/2026 ou 2026-03-01) ou une date et une heure (01/03/2026 09:30, ou 2026-03-01T09:30:00+01:00)"
    : "doit être une date (2026-03-01) ou une date et une heure avec son décalage horaire (2026-03-01T09:30:00+01:00)";

/** The French words of a list of choices, when the French tables have them. */
function frenchChoices(field: string, choices: string[]): string {
  for (const fields of Object.values(FRENCH_VALUES)) {
    const words = fields?.[field];
    if (words && choices.every((c) => words[c] !== undefined)) {
      return `${choices.map((c) => words[c]).join(", ")} (ou ${choices.join(", ")})`;
    }
  }
  return choices.join(", ");
}

/**
 * Each English reason the engine gives, and its French. The order matters where one pattern
 * is a prefix of another (`required (...)` before `required`).
 */
export const FRENCH_RULES: Rule[] = [
  [
    /^required \(no type column, and the file name "(.*)" names no type\)$/,
    (m) =>
      `obligatoire : le fichier n'a pas de colonne type, et son nom ${quoted(m[1])} ne dit pas ce qu'il contient (nommez-le clients.csv, commandes.csv, factures.csv…)`,
  ],
  [
    /^required$/,
    (_m, c) =>
      c.field === "at"
        ? `obligatoire : remplissez ${c.csv ? `la colonne ${quoted(c.column === "at" ? "date" : c.column)}` : `le champ ${quoted("at")}`} de cette ligne${c.csv ? " (ajoutez la colonne si le fichier ne l'a pas)" : ""} avec la date du fait${c.csv ? " en jj/mm/aaaa" : ""}, pour un client le jour où il est devenu client ou prospect. Cette date fait partie du fait : sans elle, importer à nouveau le même fichier ne donnerait pas le même registre`
        : `obligatoire : remplissez ${c.csv ? "la colonne" : "le champ"} ${quoted(c.column)} de cette ligne${c.csv ? " (ajoutez la colonne si le fichier ne l'a pas)" : ""}`,
  ],
  [/^unknown type (.*)$/, (m) => `type inconnu ${m[1]}`],
  [/^must be a date \(2026-03-01\) or a date-time with an offset/, (_m, c) => INSTANT_FR(c.csv)],
  [/^not a real date: "(.*)"$/, (m) => `cette date n'existe pas : ${q(m[1])}`],
  [/^not a real date-time: "(.*)"$/, (m) => `cette date et heure n'existe pas : ${q(m[1])}`],
  [
    /^date-time without an offset: add Z or an offset such as \+02:00 \("(.*)"\)$/,
    (m) =>
      `date et heure sans décalage horaire : ajoutez Z ou un décalage comme +02:00 (${q(m[1])})`,
  ],
  [/^not a valid offset: "(.*)"$/, (m) => `décalage horaire invalide : ${q(m[1])}`],
  [/^must be a number$/, () => "doit être un nombre (1234,50)"],
  [/^must be a whole amount$/, () => "doit être un montant sans centimes"],
  [/^must have at most (\d+) decimals$/, (m) => `doit avoir au plus ${m[1]} décimales`],
  [/^must not be negative$/, () => "ne doit pas être négatif"],
  [/^must be a whole number$/, () => "doit être un nombre entier"],
  [/^must be at least (\d+)$/, (m) => `doit valoir au moins ${m[1]}`],
  [
    /^must be a whole number from (\d+) to (\d+)$/,
    (m) => `doit être un nombre entier de ${m[1]} à ${m[2]}`,
  ],
  [/^must be a string$/, () => "doit être un texte"],
  [/^must not be empty$/, () => "ne doit pas être vide"],
  [
    /^must be one of (.*)$/,
    (m, c) => `doit être l'une de ces valeurs : ${frenchChoices(c.field, m[1].split(", "))}`,
  ],
  [/^a fact cannot correct itself$/, () => "un fait ne peut pas se corriger lui-même"],
  [
    /^must be a JSON array of \{code, text, acknowledged_at\}$/,
    () => "doit être un tableau JSON de {code, text, acknowledged_at}",
  ],
  [
    /^must be an array of \{code, text, acknowledged_at\}$/,
    () => "doit être un tableau de {code, text, acknowledged_at}",
  ],
  [
    /^must be an object \{code, text, acknowledged_at\}$/,
    () => "doit être un objet {code, text, acknowledged_at}",
  ],
  [
    /^too long(?: \(([\d,]+) bytes\))?: a line may hold at most ([\d,]+) bytes; split the record or shorten its texts( \(the rest of the file is not read\))?$/,
    (m) =>
      `trop longue${m[1] ? ` (${frNumber(m[1])} octets)` : ""} : une ligne tient en ${frNumber(m[2])} octets au plus ; coupez l'enregistrement ou raccourcissez ses textes${m[3] ? " (la suite du fichier n'est pas lue)" : ""}`,
  ],
  [
    /^(field name )?must not contain a NUL character \(U\+0000\)$/,
    (m) => `${m[1] ? "le nom du champ " : ""}ne doit pas contenir de caractère NUL (U+0000)`,
  ],
  [
    /^(field name )?too long \(([\d,]+) characters\): at most ([\d,]+)$/,
    (m) =>
      `${m[1] ? "nom du champ " : ""}trop long (${frNumber(m[2])} caractères) : ${frNumber(m[3])} au plus`,
  ],
  [/^not valid JSON \((.*)\)$/, (m) => `JSON invalide (${m[1]})`],
  [/^must be one JSON object per line$/, () => "doit être un objet JSON par ligne"],
  [
    /^has (\d+) cells, the header has (\d+)$/,
    (m) => `a ${m[1]} cellules, la ligne d'en-tête n'a que ${m[2]} colonnes`,
  ],
  [
    /^(\w+) "(.*)" is already stored with different content$/,
    (m) => `${noun(m[1])} ${q(m[2])} : déjà dans le registre avec un autre contenu`,
  ],
  [
    /^same type and id as line (\d+)(?: of (.*))?, with different content$/,
    (m) =>
      `même type et même identifiant que la ligne ${m[1]}${m[2] ? ` de ${m[2]}` : ""}, avec un autre contenu`,
  ],
  [
    /^(\w+) "(.*)" belongs to customer "(.*)", not "(.*)"$/,
    (m) => `${noun(m[1])} ${q(m[2])} : appartient au client ${q(m[3])}, pas à ${q(m[4])}`,
  ],
  [
    /^(\w+) "(.*)" is not imported \(line (\d+)(?: of (.*))? is refused\)$/,
    (m) =>
      `${noun(m[1])} ${q(m[2])} : pas importé(e), la ligne ${m[3]}${m[4] ? ` de ${m[4]}` : ""} étant refusée`,
  ],
  [
    /^unknown (\w+) "(.*)"$/,
    (m) =>
      `${noun(m[1])} ${q(m[2])} introuvable, ni dans les fichiers importés ni dans le registre`,
  ],
  [
    /^a customer cannot be merged into itself$/,
    () => "un client ne peut pas être fusionné avec lui-même",
  ],
];

/** `1,048,576` (as the English reason writes it) → `1 048 576`. */
function frNumber(text: string): string {
  return new Intl.NumberFormat("fr-FR").format(Number(text.replaceAll(",", "")));
}

/** The reason in French; the English one as it is when no rule knows it. */
export function frenchReason(reason: string, context: MessageContext): string {
  for (const [pattern, say] of FRENCH_RULES) {
    const m = pattern.exec(reason);
    if (m) return say(m, context);
  }
  return reason;
}

/**
 * One error line as the owner reads it: `line 3: amount: must be a number`, or in French
 * `ligne 3 : montant : doit être un nombre (1234,50)`, the column named as in the file.
 */
export function importErrorMessage(
  error: ImportErrorText,
  lang: ImportLang,
  column: string = error.field,
): string {
  const text = importErrorReason(error, lang, column);
  return lang === "en"
    ? `line ${error.line}: ${column}: ${text}`
    : `ligne ${error.line} : ${column} : ${text}`;
}

/** The reason alone, in `lang` (for a table with the line and column in their own cells). */
export function importErrorReason(
  error: ImportErrorText,
  lang: ImportLang,
  column: string = error.field,
): string {
  if (lang === "en") return error.reason;
  const csv = (error.file ?? "").toLowerCase().endsWith(".csv");
  return frenchReason(error.reason, { column, field: error.field, csv });
}
