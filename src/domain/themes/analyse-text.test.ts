import { describe, expect, it } from "vitest";
import { textLang, tokenOptions } from "../../app/themes/engine/text-analyser.ts";
import { foldAccents, rawWords, splitSentences, tokens } from "./analyse-text.ts";

const o = tokenOptions();

describe("sentences", () => {
  it.each([
    ["Trop cher. Mais bien fait !", ["Trop cher.", "Mais bien fait !"]],
    ["Payé 12.50 euros ; rendu en 3 jours", ["Payé 12.50 euros ;", "rendu en 3 jours"]],
    ["Première ligne\nDeuxième ligne", ["Première ligne", "Deuxième ligne"]],
    ["Bof...", ["Bof..."]],
    ["!!!", []],
  ])("splits %j", (text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });
});

describe("language", () => {
  it("takes the organization's language for texts under four words, whatever they look like", () => {
    expect(textLang("Trop cher", "en")).toBe("en");
    expect(textLang("Great job", "fr")).toBe("fr");
    expect(textLang("Top !", "fr")).toBe("fr");
  });
  it("asks the detector from four words on", () => {
    expect(textLang("Le travail est soigné et rapide", "en")).toBe("fr");
    expect(textLang("The staff was friendly and helpful", "fr")).toBe("en");
  });
  it("keeps the fact's own language when it has one", () => {
    expect(textLang("The staff was friendly and helpful", "fr", "fr")).toBe("fr");
  });
});

describe("words, elisions and accents", () => {
  it("cuts French elisions and unifies apostrophes", () => {
    expect(
      rawWords("L’accueil d'abord, qu'il soit j'espère n'importe quand, c'est jusqu'au bout", "fr"),
    ).toEqual([
      "accueil",
      "abord",
      ",",
      "il",
      "soit",
      "espère",
      "importe",
      "quand",
      ",",
      "est",
      "au",
      "bout",
    ]);
  });
  it("turns English n't into not", () => {
    expect(rawWords("They didn't call, it won't last", "en")).toEqual([
      "they",
      "did",
      "not",
      "call",
      ",",
      "it",
      "will",
      "not",
      "last",
    ]);
  });
  it("gives one stem to a word with or without its accents, and to its plural", () => {
    const stem = (w: string) => tokens(w, "fr", o);
    expect(stem("délai")).toEqual(stem("delai"));
    expect(stem("délais")).toEqual(stem("délai"));
    expect(stem("Réparation")).toEqual(stem("reparation"));
    expect(stem("réparations")).toEqual(stem("réparation"));
    expect(stem("accueillant")).toEqual(stem("accueil"));
    expect(foldAccents("Ça, c'était GÉNIAL")).toBe("ca, c'etait genial");
  });
  it("drops stopwords but keeps negations and evaluative words the generic lists drop", () => {
    expect(tokens("Le prix est trop cher pour personne", "fr", o)).toEqual([
      "prix",
      "trop",
      "cher",
      "person",
    ]);
    expect(tokens("C'est pas cher", "fr", o)).toEqual(["pas", "NOT_cher"]);
  });
});

describe("negation", () => {
  it.each([
    ["Ce n'est pas cher, et rapide", ["pas", "NOT_cher", "rapid"]],
    [
      "Jamais reçu de devis. Accueil correct",
      ["jamais", "NOT_recu", "NOT_dev", "accueil", "correct"],
    ],
    ["Rien à redire sur le travail", ["rien", "NOT_redir", "NOT_travail"]],
    ["Sans rendez-vous", ["sans", "NOT_rend"]],
  ])("marks %j", (sentence, expected) => {
    expect(tokens(sentence, "fr", o)).toEqual(expected);
  });
  it("marks English negations up to the punctuation", () => {
    expect(tokens("They didn't call me back; the price was fair", "en", o)).toEqual([
      "not",
      "NOT_call",
      "NOT_back",
      "price",
      "fair",
    ]);
  });
});
