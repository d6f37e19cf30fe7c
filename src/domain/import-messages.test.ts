import { describe, expect, it } from "vitest";
import {
  INSTANT_FORMAT,
  parseFrenchInstant,
  parseInstant,
  parseMoney,
  parseWhole,
} from "./fact-fields.ts";
import { parseFact } from "./fact-validation.ts";
import { FRENCH_RULES, frenchReason, importErrorMessage } from "./import-messages.ts";

const csv = { column: "montant", field: "amount", csv: true };

/** Each rule of the engine, as the engine words it, and what the French must say. */
const SAMPLES: [string, string, Partial<typeof csv>?][] = [
  [
    'required (no type column, and the file name "export.csv" names no type)',
    "le fichier n'a pas de colonne type",
  ],
  ["required", "remplissez la colonne « montant »"],
  ["required", "importer à nouveau le même fichier", { field: "at", column: "at" }],
  ['unknown type "bill"', 'type inconnu "bill"'],
  [INSTANT_FORMAT, "01/03/2026 ou 2026-03-01"],
  [parseInstant("2026-02-30").reason as string, "cette date n'existe pas : « 2026-02-30 »"],
  [parseInstant("2026-02-28T25:00:00Z").reason as string, "cette date et heure n'existe pas"],
  [parseInstant("2026-02-28T10:00:00").reason as string, "sans décalage horaire"],
  [parseInstant("2026-02-28T10:00:00+25:00").reason as string, "décalage horaire invalide"],
  [parseMoney("cher", 2, true).reason as string, "doit être un nombre"],
  [parseMoney("1,5", 0, true).reason as string, "doit être un montant sans centimes"],
  [parseMoney("1,555", 2, true).reason as string, "doit avoir au plus 2 décimales"],
  [parseMoney("-1", 2, true).reason as string, "ne doit pas être négatif"],
  [parseWhole("1,5", true, 0).reason as string, "doit être un nombre entier"],
  [parseWhole("0", true, 1).reason as string, "doit valoir au moins 1"],
  [parseWhole("4", true, 1, 3).reason as string, "doit être un nombre entier de 1 à 3"],
  ["must be a string", "doit être un texte"],
  ["must not be empty", "ne doit pas être vide"],
  [
    "must be one of ours, customer, material, shared, unknown",
    "nous, client, matiere, partagee, inconnue (ou ours, customer",
    { field: "fault", column: "faute" },
  ],
  ["a fact cannot correct itself", "se corriger lui-même"],
  ["must be a JSON array of {code, text, acknowledged_at}", "doit être un tableau JSON"],
  ["must be an array of {code, text, acknowledged_at}", "doit être un tableau de"],
  ["must be an object {code, text, acknowledged_at}", "doit être un objet"],
  [
    "too long (2,000,000 bytes): a line may hold at most 1,048,576 bytes; split the record or shorten its texts",
    "trop longue (2\u202f000\u202f000 octets) : une ligne tient en 1\u202f048\u202f576 octets au plus",
  ],
  ["must not contain a NUL character (U+0000)", "caractère NUL"],
  ["field name must not contain a NUL character (U+0000)", "le nom du champ ne doit pas"],
  ["too long (12,000 characters): at most 10,000", "trop long (12\u202f000 caractères)"],
  ["not valid JSON (Unexpected token)", "JSON invalide"],
  ["must be one JSON object per line", "un objet JSON par ligne"],
  ["has 5 cells, the header has 4", "a 5 cellules, la ligne d'en-tête n'a que 4 colonnes"],
  [
    'order "o1" is already stored with different content',
    "commande « o1 » : déjà dans le registre",
  ],
  ["same type and id as line 4 of a.csv, with different content", "que la ligne 4 de a.csv"],
  [
    'invoice "f1" belongs to customer "c2", not "c1"',
    "facture « f1 » : appartient au client « c2 »",
  ],
  ['order "o1" is not imported (line 3 is refused)', "la ligne 3 étant refusée"],
  ['unknown customer "c9"', "client « c9 » introuvable"],
  ["a customer cannot be merged into itself", "fusionné avec lui-même"],
];

describe("import errors in French", () => {
  it.each(SAMPLES)("says %s in French", (reason, french, context) => {
    const said = frenchReason(reason, { ...csv, ...context });
    expect(said).toContain(french);
    // No English left, but the spec's own words for a choice (`(ou ours, customer…)`).
    expect(said.replace(/\(ou [^)]*\)/, "")).not.toMatch(/\b(must|required|unknown|line)\b/);
  });

  it("has a sample for every rule", () => {
    for (const [pattern] of FRENCH_RULES) {
      expect(
        SAMPLES.some(([reason]) => pattern.test(reason)),
        String(pattern),
      ).toBe(true);
    }
  });

  it("says each error of a line the engine refuses, in French", () => {
    const parsed = parseFact(
      { type: "order", id: "", customer: "c1", price: "cher", due: "bientôt", cost: "-2" },
      { currencyDigits: 2, lenientNumbers: true },
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    for (const e of parsed.errors) {
      const said = frenchReason(e.reason, { column: e.field, field: e.field, csv: true });
      expect(said, e.reason).not.toBe(e.reason);
    }
  });

  it("writes the line as the spec in English and with French spacing in French", () => {
    const error = { file: "factures.csv", line: 3, field: "amount", reason: "must be a number" };
    expect(importErrorMessage(error, "en")).toBe("line 3: amount: must be a number");
    expect(importErrorMessage(error, "en", "montant")).toBe("line 3: montant: must be a number");
    expect(importErrorMessage(error, "fr", "montant")).toBe(
      "ligne 3 : montant : doit être un nombre (1234,50)",
    );
  });

  it("tells a customer without a date which column to add, and why", () => {
    const said = importErrorMessage(
      { file: "clients.csv", line: 2, field: "at", reason: "required" },
      "fr",
    );
    expect(said).toContain("ligne 2 : at : obligatoire : remplissez la colonne « date »");
    expect(said).toContain("jj/mm/aaaa");
    expect(said).toContain("ne donnerait pas le même registre");
    expect(parseFrenchInstant("x", "Europe/Paris").reason).toBe(INSTANT_FORMAT);
  });
});
