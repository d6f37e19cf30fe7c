import { describe, expect, it } from "vitest";
import { tokenOptions } from "../../app/themes/engine/text-analyser.ts";
import { type ThemeLang, tokens } from "./analyse-text.ts";
import { bestTheme, compileCodebook, scoreTokens } from "./codebook.ts";
import { DEFAULT_CODEBOOK } from "./default-codebook.ts";
import { nmi } from "./nmi.ts";
import { validateCodebook } from "./validate-codebook.ts";

const o = tokenOptions();
const book = compileCodebook(DEFAULT_CODEBOOK, o);
const themeOf = (sentence: string, lang: ThemeLang = "fr") => {
  const best = bestTheme(scoreTokens(book, tokens(sentence, lang, o), lang));
  return best < 0 ? "none" : DEFAULT_CODEBOOK.themes[best].id;
};
const themesOf = (sentence: string, lang: ThemeLang = "fr") =>
  scoreTokens(book, tokens(sentence, lang, o), lang)
    .map((s, t) => (s > 0 ? DEFAULT_CODEBOOK.themes[t].id : ""))
    .filter(Boolean);

describe("codebook matching on hand-made sentences", () => {
  it.each([
    ["Beaucoup trop cher pour un ressemelage", "price"],
    ["Ce n'est vraiment pas cher", "price"],
    ["Le rapport qualité prix est imbattable", "price"],
    ["Trois semaines de délai, c'est long", "waiting"],
    ["J'ai attendu une heure au comptoir", "waiting"],
    ["Les finitions sont soignées, un travail minutieux", "quality"],
    ["La couture a lâché, travail bâclé", "quality"],
    ["La patronne est toujours souriante et aimable", "staff"],
    ["Accueil froid et désagréable", "staff"],
    ["Elle m'a bien conseillé et tout expliqué", "advice"],
    ["Personne ne répond au téléphone", "advice"],
    ["Impossible de se garer, aucun parking", "premises"],
    ["La boutique est propre et lumineuse", "premises"],
    ["Le service après-vente a refusé l'échange sous garantie", "after_sales"],
    ["Remboursé sans discussion", "after_sales"],
    ["Merci pour tout, à bientôt", "none"],
  ])("%s → %s", (sentence, theme) => {
    expect(themeOf(sentence)).toBe(theme);
  });

  it.each([
    ["Way too expensive for a simple repair", "price"],
    ["We waited two weeks, far too slow", "waiting"],
    ["The staff were friendly and polite", "staff"],
    ["Nobody answered the phone or my email", "advice"],
    ["They refused the refund under warranty", "after_sales"],
  ])("%s → %s (English)", (sentence, theme) => {
    expect(themeOf(sentence, "en")).toBe(theme);
  });

  it("puts a sentence in every theme it speaks of, and breaks ties in codebook order", () => {
    expect(themesOf("Cher et lent")).toEqual(["price", "waiting"]);
    expect(themeOf("Cher et lent")).toBe("price");
    expect(bestTheme([0, 2, 2])).toBe(1);
    expect(bestTheme([0, 0])).toBe(-1);
  });

  it("uses up a phrase's words: 'service après-vente' is after-sales, not staff", () => {
    expect(themesOf("Le service après-vente")).toEqual(["after_sales"]);
  });
});

describe("an owner's codebook", () => {
  it("names each bad field", () => {
    const theme = DEFAULT_CODEBOOK.themes[0];
    expect(
      validateCodebook({
        themes: [
          theme,
          { ...theme, label: { fr: "", en: "Price" } },
          { id: "Prix !", label: theme.label, keywords: { fr: [], en: [] } },
        ],
        dismissed: [],
      }),
    ).toEqual([
      { field: "themes.1.id", reason: '"price" is already another theme\'s id' },
      { field: "themes.1.label.fr", reason: "must be 1 to 80 characters" },
      {
        field: "themes.2.id",
        reason:
          "must be 1 to 40 lower-case letters, digits, _ or -, starting with a letter or digit",
      },
      { field: "themes.2.keywords", reason: "needs at least one keyword, in French or English" },
    ]);
  });
});

describe("normalised mutual information", () => {
  it.each([
    [["a", "a", "b", "b"], [1, 1, 2, 2], 1],
    [["a", "a", "b", "b"], [2, 2, 1, 1], 1],
    [["a", "b", "a", "b"], [1, 1, 2, 2], 0],
    [["a", "a", "a", "a"], [1, 1, 1, 1], 1],
  ])("%j against %j is %d", (a, b, expected) => {
    expect(nmi(a, b)).toBeCloseTo(expected, 10);
  });
  it("matches scikit-learn's arithmetic normalisation on an uneven case", () => {
    // sklearn.metrics.normalized_mutual_info_score([0,0,0,1,1,1],[0,0,1,1,2,2]) = 0.5158037429793889
    expect(nmi([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.5158037429793889, 10);
  });
});
