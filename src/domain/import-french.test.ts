import { describe, expect, it } from "vitest";
import { parseFrenchInstant } from "./fact-fields.ts";
import { FACT_FIELDS } from "./fact-validation.ts";
import { FACT_TYPES } from "./facts.ts";
import {
  FRENCH_COLUMN_NAMES,
  FRENCH_VALUES,
  fieldOfFrenchColumn,
  frenchColumns,
  frenchFileName,
  frenchWord,
  plainName,
  typeOfFrenchFileName,
  typeOfFrenchWord,
  valueOfFrenchWord,
} from "./import-french.ts";

describe("the import's French names", () => {
  it("ignores case, accents, spaces and dashes", () => {
    expect(plainName(" Échéance ")).toBe("echeance");
    expect(plainName("relances-éléments")).toBe("relances_elements");
    expect(plainName("Prix catalogue")).toBe("prix_catalogue");
  });

  it.each([
    ["clients", "customer"],
    ["commandes", "order"],
    ["temps", "time"],
    ["revisions", "revision"],
    ["relances-elements", "chase"],
    ["factures", "invoice"],
    ["paiements", "payment"],
    ["rappels", "reminder"],
    ["retours", "return"],
    ["reclamations", "complaint"],
    ["Réclamations", "complaint"],
    ["incidents", "incident"],
    ["avis", "feedback"],
    ["avoirs", "credit_note"],
  ])("reads %s.csv as %s", (name, type) => {
    expect(typeOfFrenchFileName(name)).toBe(type);
  });

  it("names every type's export file so that the import reads it back", () => {
    for (const type of FACT_TYPES) {
      expect(typeOfFrenchFileName(frenchFileName(type).replace(/\.csv$/, ""))).toBe(type);
    }
  });

  it.each([
    ["identifiant", "id"],
    ["Nom", "name"],
    ["date", "at"],
    ["nature", "kind"],
    ["courriel", "email"],
    ["Téléphone", "phone"],
    ["statut", "status"],
    ["langue", "lang"],
    ["client", "customer"],
    ["commande", "order"],
    ["prix", "price"],
    ["prix_catalogue", "list_price"],
    ["Coût", "cost"],
    ["prestation", "service"],
    ["ÉCHÉANCE", "due"],
    ["livrée", "delivered"],
    ["montant", "amount"],
    ["facture", "invoice"],
    ["niveau", "level"],
    ["activité", "activity"],
    ["personnel", "staff"],
    ["texte", "text"],
    ["gravité", "severity"],
    ["note", "score"],
    ["origine", "source"],
    ["faute", "fault"],
    ["geste", "remedy"],
    ["montant_geste", "remedy_amount"],
  ])("reads the column %s as %s", (column, field) => {
    expect(fieldOfFrenchColumn(column)).toBe(field);
  });

  it("names only fields the spec has", () => {
    const fields = new Set(["id", "at", ...FACT_TYPES.flatMap((t) => Object.keys(FACT_FIELDS[t]))]);
    for (const field of Object.keys(FRENCH_COLUMN_NAMES)) expect(fields).toContain(field);
  });

  it("maps a header once, keeping the spec's names and unknown columns as written", () => {
    expect(frenchColumns(["type", "identifiant", "Date", "montant", "price", "Remarque"])).toEqual({
      fields: ["type", "id", "at", "amount", "price", "Remarque"],
      french: true,
    });
    expect(frenchColumns(["type", "id", "at", "name"])).toEqual({
      fields: ["type", "id", "at", "name"],
      french: false,
    });
  });

  it("reads a French name only as a field of the file's type, and not twice", () => {
    expect(frenchColumns(["id", "at", "customer", "price", "note"], "order").fields).toEqual([
      "id",
      "at",
      "customer",
      "price",
      "note",
    ]);
    expect(frenchColumns(["identifiant", "date", "note"], "feedback").fields).toEqual([
      "id",
      "at",
      "score",
    ]);
    expect(frenchColumns(["id", "at", "date"], "order").fields).toEqual(["id", "at", "date"]);
  });

  it.each([
    ["customer", "kind", "particulier", "person"],
    ["customer", "kind", "Entreprise", "business"],
    ["customer", "status", "prospect", "prospect"],
    ["customer", "status", "client", "active"],
    ["time", "activity", "travail", "work"],
    ["time", "activity", "relance", "chasing"],
    ["time", "activity", "révision", "revision"],
    ["time", "activity", "réclamation", "complaint"],
    ["time", "activity", "négociation", "negotiation"],
    ["time", "activity", "administratif", "admin"],
    ["complaint", "fault", "nous", "ours"],
    ["complaint", "fault", "client", "customer"],
    ["complaint", "fault", "matière", "material"],
    ["complaint", "fault", "partagée", "shared"],
    ["complaint", "fault", "inconnue", "unknown"],
    ["complaint", "remedy", "remise", "discount"],
    ["complaint", "remedy", "reprise", "redo"],
    ["complaint", "remedy", "remboursement", "refund"],
    ["complaint", "remedy", "aucun", "none"],
    ["return", "kind", "échange", "exchange"],
    ["return", "kind", "remboursement", "refund"],
    ["return", "kind", "réparation", "repair"],
    ["feedback", "source", "client", "customer"],
    ["feedback", "source", "prospect", "prospect"],
    ["feedback", "source", "ancien client", "churned"],
  ])("reads the %s %s %s as %s", (type, field, word, value) => {
    expect(valueOfFrenchWord(type, field, word)).toBe(value);
  });

  it("gives every spec value its French word and back", () => {
    for (const [type, fields] of Object.entries(FRENCH_VALUES)) {
      for (const [field, words] of Object.entries(fields ?? {})) {
        for (const value of Object.keys(words)) {
          const word = frenchWord(type as never, field, value);
          expect(valueOfFrenchWord(type, field, word)).toBe(value);
        }
      }
    }
    expect(frenchWord("order", "service", "sole_repair")).toBe("sole_repair");
  });

  it("reads French words for types", () => {
    expect(typeOfFrenchWord("Facture")).toBe("invoice");
    expect(typeOfFrenchWord("avoir")).toBe("credit_note");
    expect(typeOfFrenchWord("invoice")).toBeUndefined();
  });
});

describe("French dates", () => {
  it("reads jj/mm/aaaa as a plain date, and hh:mm with the zone's offset then", () => {
    expect(parseFrenchInstant("01/03/2026", "Europe/Paris")).toEqual({
      value: { ms: Date.UTC(2026, 2, 1) },
    });
    expect(parseFrenchInstant("01/07/2026 09:30", "Europe/Paris")).toEqual({
      value: { ms: Date.UTC(2026, 6, 1, 7, 30), offset: "+02:00" },
    });
    expect(parseFrenchInstant("01/12/2026 09:30", "America/Montreal")).toEqual({
      value: { ms: Date.UTC(2026, 11, 1, 14, 30), offset: "-05:00" },
    });
    expect(parseFrenchInstant("29/02/2026", "Europe/Paris").reason).toBe(
      'not a real date: "29/02/2026"',
    );
    expect(parseFrenchInstant("2026/03/01", "Europe/Paris").reason).toBeDefined();
  });
});
