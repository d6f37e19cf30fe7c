/**
 * The demo organization's catalogue, in French and English: a cobbler-tailor's counter and a
 * translation desk. Prices in cents (EUR).
 */
import type { ServiceDefinition } from "./catalogue.ts";

type Row = Omit<ServiceDefinition, "lang" | "name" | "risks"> & {
  name: [string, string];
  risks: { code: string; fr: string; en: string }[];
};

const ROWS: Row[] = [
  {
    code: "resole",
    name: ["Ressemelage cuir complet", "Full leather resole"],
    price: 75_00,
    cost: 18_00,
    minutes: 45,
    includedRevisions: 0,
    warrantyDays: 90,
    risks: [
      {
        code: "worn_upper",
        fr: "tige usée : les coutures d'origine peuvent céder au remontage",
        en: "worn upper: the original stitching may give way when refitted",
      },
    ],
  },
  {
    code: "sole_repair",
    name: ["Réparation de semelle (recollage)", "Sole repair (regluing)"],
    price: 18_00,
    cost: 2_00,
    minutes: 12,
    includedRevisions: 0,
    warrantyDays: 30,
    risks: [
      {
        code: "plastic_sole",
        fr: "semelle en plastique : la réparation collée restera visible",
        en: "plastic sole: a glued repair stays visible",
      },
      {
        code: "plastic_sole_hold",
        fr: "semelle en plastique : la colle tient moins longtemps que sur du cuir",
        en: "plastic sole: glue holds for less time than on leather",
      },
    ],
  },
  {
    code: "heels",
    name: ["Talons (bonbouts)", "Heel tips"],
    price: 15_00,
    cost: 2_00,
    minutes: 10,
    includedRevisions: 0,
    warrantyDays: 30,
    risks: [
      {
        code: "stiletto_core",
        fr: "talon aiguille : l'axe métallique abîmé ne se remplace pas",
        en: "stiletto heel: a damaged metal core cannot be replaced",
      },
    ],
  },
  {
    code: "hem",
    name: ["Ourlet de pantalon", "Trouser hem"],
    price: 14_00,
    cost: 50,
    minutes: 12,
    includedRevisions: 1,
    warrantyDays: 30,
    risks: [
      {
        code: "original_hem_mark",
        fr: "la marque de l'ancien ourlet peut rester visible",
        en: "the mark of the old hem may stay visible",
      },
    ],
  },
  {
    code: "alteration",
    name: ["Retouche (cintrage de veste)", "Alteration (jacket taking in)"],
    price: 75_00,
    cost: 2_00,
    minutes: 50,
    includedRevisions: 1,
    warrantyDays: 30,
    risks: [
      {
        code: "seam_allowance",
        fr: "marge de couture étroite : la retouche ne pourra pas être défaite",
        en: "narrow seam allowance: the alteration cannot be undone",
      },
    ],
  },
  {
    code: "translation_fr_en",
    name: ["Traduction FR>EN", "Translation FR>EN"],
    price: 130_00,
    cost: 0,
    minutes: 120,
    includedRevisions: 2,
    warrantyDays: 60,
    risks: [
      {
        code: "nonexistent_terms",
        fr: "le texte source contient des termes qui n'existent pas",
        en: "the source text contains terms that do not exist",
      },
      {
        code: "unreadable_scan",
        fr: "scan illisible par endroits : les passages douteux seront signalés",
        en: "scan unreadable in places: doubtful passages will be flagged",
      },
    ],
  },
  {
    code: "certified_translation",
    name: ["Traduction certifiée d'un acte FR>EN", "Certified translation of a deed FR>EN"],
    price: 50_00,
    cost: 0,
    minutes: 35,
    includedRevisions: 0,
    warrantyDays: 60,
    risks: [
      {
        code: "names_as_written",
        fr: "les noms propres sont reproduits tels qu'écrits sur l'acte",
        en: "proper names are reproduced exactly as written on the deed",
      },
    ],
  },
];

/** Every service in both languages (14 entries). */
export function demoCatalogue(): ServiceDefinition[] {
  return (["fr", "en"] as const).flatMap((lang) =>
    ROWS.map(({ name, risks, ...rest }) => ({
      ...rest,
      lang,
      name: name[lang === "fr" ? 0 : 1],
      risks: risks.map((r) => ({ code: r.code, text: r[lang] })),
    })),
  );
}
