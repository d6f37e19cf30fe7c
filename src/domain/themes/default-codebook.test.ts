import { describe, expect, it } from "vitest";
import { tokenOptions } from "../../app/themes/engine/text-analyser.ts";
import { bare, foldAccents, tokens } from "./analyse-text.ts";
import { THEME_ID, THEME_LANGS } from "./codebook.ts";
import { DEFAULT_CODEBOOK } from "./default-codebook.ts";

/**
 * Words of one trade, the restaurant, whose reviews the bench measures against: a codebook
 * for service businesses in general has none of them (nor their stems), so that the bench
 * measures a general codebook and not one written from the evaluation sentences.
 */
const RESTAURANT_WORDS = {
  fr: [
    "plat",
    "plats",
    "serveur",
    "serveuse",
    "serveurs",
    "cuisine",
    "cuisinier",
    "menu",
    "menus",
    "carte",
    "dessert",
    "desserts",
    "entrée",
    "entrées",
    "repas",
    "restaurant",
    "resto",
    "chef",
    "vin",
    "vins",
    "table",
    "tables",
    "assiette",
    "assiettes",
    "nourriture",
    "délicieux",
    "savoureux",
    "goût",
    "viande",
    "poisson",
    "pizza",
    "boisson",
    "boissons",
    "déjeuner",
    "dîner",
    "terrasse",
    "addition",
    "cuisson",
    "portion",
    "portions",
    "salle",
    "brasserie",
    "bistrot",
    "gastronomique",
  ],
  en: [
    "dish",
    "dishes",
    "waiter",
    "waitress",
    "waiters",
    "food",
    "meal",
    "meals",
    "menu",
    "chef",
    "wine",
    "table",
    "dessert",
    "starter",
    "restaurant",
    "delicious",
    "tasty",
    "dinner",
    "lunch",
    "drinks",
    "portion",
    "cook",
    "cooked",
    "kitchen",
  ],
};

describe("the default codebook", () => {
  it("has the seven themes of a service business, each in French and English", () => {
    expect(DEFAULT_CODEBOOK.themes.map((t) => t.id)).toEqual([
      "price",
      "waiting",
      "quality",
      "staff",
      "advice",
      "premises",
      "after_sales",
    ]);
    for (const theme of DEFAULT_CODEBOOK.themes) {
      expect(theme.id).toMatch(THEME_ID);
      for (const lang of THEME_LANGS) {
        expect(theme.label[lang].length).toBeGreaterThan(0);
        expect(theme.keywords[lang].length).toBeGreaterThanOrEqual(15);
      }
    }
  });

  it("names no restaurant word, nor a word with a restaurant word's stem", () => {
    const options = tokenOptions();
    for (const lang of THEME_LANGS) {
      const forbidden = new Set(RESTAURANT_WORDS[lang].map(foldAccents));
      const forbiddenStems = new Set(
        RESTAURANT_WORDS[lang].flatMap((w) => tokens(w, lang, options)).map(bare),
      );
      for (const theme of DEFAULT_CODEBOOK.themes)
        for (const keyword of theme.keywords[lang]) {
          for (const word of keyword.split(/[\s'-]+/))
            expect(forbidden.has(foldAccents(word)), `${theme.id}: "${keyword}"`).toBe(false);
          for (const stem of tokens(keyword, lang, options).map(bare))
            expect(forbiddenStems.has(stem), `${theme.id}: "${keyword}" (${stem})`).toBe(false);
        }
    }
  });

  it("gives no keyword to two themes", () => {
    for (const lang of THEME_LANGS) {
      const seen = new Map<string, string>();
      for (const theme of DEFAULT_CODEBOOK.themes)
        for (const keyword of theme.keywords[lang]) {
          const key = foldAccents(keyword);
          const other = seen.get(key);
          if (other !== undefined)
            expect(other, `"${keyword}" in ${theme.id} and ${other}`).toBe(theme.id);
          seen.set(key, theme.id);
        }
    }
  });
});
