/**
 * The import format in the owner's language (issue 18): French file names, column names and
 * values, as aliases of the spec's own (spec section 1), which keep working everywhere.
 * Names are compared without case or accents (`Échéance`, `echeance`, `ÉCHÉANCE`). The same
 * tables give the French names of a `comptoir export --format csv --lang fr`.
 *
 * Data only: the CSV reader maps a file's header once (frenchColumns), never cell by cell,
 * and translates the values of the few enumerated columns only when the file is French.
 */
import { FACT_FIELDS } from "./fact-validation.ts";
import type { FactType } from "./facts.ts";

/** `Échéance` → `echeance`, `relances-éléments` → `relances_elements`. */
export function plainName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim()
    .replace(/[\s-]+/g, "_");
}

/** Each type's French name in a file name (the export's), then the other names accepted. */
export const FRENCH_TYPE_NAMES: Record<FactType, readonly string[]> = {
  customer: ["clients", "client"],
  order: ["commandes", "commande"],
  time: ["temps"],
  revision: ["revisions", "revision"],
  chase: ["relances-elements", "relance-elements"],
  invoice: ["factures", "facture"],
  payment: ["paiements", "paiement"],
  reminder: ["rappels", "rappel"],
  return: ["retours", "retour"],
  complaint: ["reclamations", "reclamation"],
  incident: ["incidents", "incident"],
  feedback: ["avis"],
  credit_note: ["avoirs", "avoir"],
};

/** French column names, by the spec's field they stand for (the first is the export's). */
export const FRENCH_COLUMN_NAMES: Record<string, readonly string[]> = {
  id: ["identifiant"],
  name: ["nom"],
  at: ["date"],
  kind: ["nature"],
  email: ["courriel"],
  phone: ["telephone"],
  status: ["statut"],
  lang: ["langue"],
  customer: ["client"],
  order: ["commande"],
  price: ["prix"],
  list_price: ["prix_catalogue"],
  cost: ["cout"],
  service: ["prestation"],
  due: ["echeance"],
  delivered: ["livree"],
  amount: ["montant"],
  invoice: ["facture"],
  level: ["niveau"],
  activity: ["activite"],
  staff: ["personnel"],
  text: ["texte"],
  severity: ["gravite"],
  score: ["note"],
  source: ["origine"],
  fault: ["faute"],
  remedy: ["geste"],
  remedy_amount: ["montant_geste"],
};

/**
 * French words for the values of enumerated fields, by type then field: spec value → French
 * word. `client` is `active` as a customer's status but `customer` as a fault or a source.
 */
export const FRENCH_VALUES: Partial<Record<FactType, Record<string, Record<string, string>>>> = {
  customer: {
    kind: { person: "particulier", business: "entreprise" },
    status: { prospect: "prospect", active: "client" },
  },
  time: {
    activity: {
      work: "travail",
      chasing: "relance",
      revision: "revision",
      complaint: "reclamation",
      negotiation: "negociation",
      admin: "administratif",
    },
  },
  complaint: {
    fault: {
      ours: "nous",
      customer: "client",
      material: "matiere",
      shared: "partagee",
      unknown: "inconnue",
    },
    remedy: { discount: "remise", redo: "reprise", refund: "remboursement", none: "aucun" },
  },
  return: { kind: { exchange: "echange", refund: "remboursement", repair: "reparation" } },
  feedback: { source: { customer: "client", prospect: "prospect", churned: "ancien_client" } },
};

/** The French word of a type in a `type` column (singular). */
export const FRENCH_TYPE_WORDS: Record<FactType, string> = {
  customer: "client",
  order: "commande",
  time: "temps",
  revision: "revision",
  chase: "relance_elements",
  invoice: "facture",
  payment: "paiement",
  reminder: "rappel",
  return: "retour",
  complaint: "reclamation",
  incident: "incident",
  feedback: "avis",
  credit_note: "avoir",
};

const invert = (pairs: [string, string][]) => new Map(pairs.map(([a, b]) => [plainName(b), a]));

const TYPE_BY_FILE_NAME = invert(
  Object.entries(FRENCH_TYPE_NAMES).flatMap(([type, names]) =>
    names.map((name) => [type, name] as [string, string]),
  ),
);
const FIELD_BY_COLUMN = invert(
  Object.entries(FRENCH_COLUMN_NAMES).flatMap(([field, names]) =>
    names.map((name) => [field, name] as [string, string]),
  ),
);
const TYPE_BY_WORD = invert(
  Object.entries(FRENCH_TYPE_WORDS).map(([type, word]) => [type, word] as [string, string]),
);
const VALUE_BY_WORD = new Map(
  Object.entries(FRENCH_VALUES).flatMap(([type, fields]) =>
    Object.entries(fields ?? {}).map(
      ([field, words]) => [`${type}.${field}`, invert(Object.entries(words))] as const,
    ),
  ),
);

/** The fields whose values have French words, whatever the type. */
export const FIELDS_WITH_FRENCH_VALUES: ReadonlySet<string> = new Set(
  Object.values(FRENCH_VALUES).flatMap((fields) => Object.keys(fields ?? {})),
);

/** The type a French file name names (`factures.csv` → invoice), or undefined. */
export function typeOfFrenchFileName(baseName: string): FactType | undefined {
  return TYPE_BY_FILE_NAME.get(plainName(baseName)) as FactType | undefined;
}

/** The spec's field a French column name stands for (`Échéance` → due), or undefined. */
export function fieldOfFrenchColumn(column: string): string | undefined {
  return FIELD_BY_COLUMN.get(plainName(column));
}

/** The type a French word names in a `type` column (`facture` → invoice), or undefined. */
export function typeOfFrenchWord(word: string): FactType | undefined {
  return TYPE_BY_WORD.get(plainName(word)) as FactType | undefined;
}

/** The spec's value of a French word (`matière` as a complaint's fault → material). */
export function valueOfFrenchWord(type: string, field: string, word: string): string | undefined {
  return VALUE_BY_WORD.get(`${type}.${field}`)?.get(plainName(word));
}

/** The French word of a spec value, for the export (unchanged when it has none). */
export function frenchWord(type: FactType, field: string, value: string): string {
  return FRENCH_VALUES[type]?.[field]?.[value] ?? value;
}

/** The French column name of a spec field, for the export (unchanged when it has none). */
export function frenchColumn(field: string): string {
  return FRENCH_COLUMN_NAMES[field]?.[0] ?? field;
}

/** The French file name of a type's CSV (`commandes.csv`). */
export function frenchFileName(type: FactType): string {
  return `${FRENCH_TYPE_NAMES[type][0]}.csv`;
}

/**
 * A file's header mapped once: each column's field (a French name becomes the spec's; any
 * other name is kept as written), and whether any French name was found. A French name is
 * read as the spec's field only where that field can be meant: a field of `type` (the type
 * the file name gives; any type when the name gives none), and not a column the
 * header already has. So an unknown field `note` of an order stays `note` (an order has no
 * `score`), and a file with both `at` and `date` keeps `date` as an unknown field.
 */
export function frenchColumns(
  header: readonly string[],
  type?: FactType,
): { fields: string[]; french: boolean } {
  let french = false;
  const written = new Set(header);
  const fields = header.map((column) => {
    const field = fieldOfFrenchColumn(column);
    if (field === undefined || written.has(field)) return column;
    if (type && field !== "id" && field !== "at" && !Object.hasOwn(FACT_FIELDS[type], field)) {
      return column;
    }
    french = true;
    return field;
  });
  return { fields, french };
}
