import { describe, expect, it } from "vitest";
import { tokens } from "../../../domain/themes/analyse-text.ts";
import { DEFAULT_CODEBOOK } from "../../../domain/themes/default-codebook.ts";
import { nmi } from "../../../domain/themes/nmi.ts";
import { discoverThemes, features, suggestionId } from "./discover-themes.ts";
import { groupTexts } from "./group-texts.ts";
import { tokenOptions } from "./text-analyser.ts";

/** Three known groups a cobbler might hear, none in the default codebook, with varied wording. */
const GROUPS: Record<string, string[]> = {
  leather: [
    "Le cuir des bottes a craquelé",
    "Le cuir du sac se fendille",
    "Cuir craquelé sur les mocassins",
    "Le cuir a craquelé en un hiver",
  ],
  zip: [
    "La fermeture éclair coince",
    "Fermeture éclair cassée sur le blouson",
    "La fermeture éclair de la robe coince encore",
    "Une fermeture éclair qui coince",
  ],
  laces: [
    "Les lacets se sont effilochés",
    "Lacets effilochés au bout de deux jours",
    "Des lacets trop courts et effilochés",
    "Lacets effilochés, dommage",
  ],
};

function corpus() {
  const docs: { text: string; group: string }[] = [];
  for (let round = 0; round < 5; round++)
    for (const [group, texts] of Object.entries(GROUPS))
      for (const text of texts) docs.push({ text: `${text}${round ? ` (${round})` : ""}.`, group });
  return docs;
}

describe("discovery", () => {
  it("finds the three known groups of a synthetic set, named by their words", () => {
    const o = tokenOptions();
    const docs = corpus();
    const found = discoverThemes(
      docs.map((d) => ({ text: d.text, tokens: tokens(d.text, "fr", o) })),
      {
        maxSuggestions: 3,
      },
    );
    expect(found).toHaveLength(3);
    const named = found.map((s) => s.terms.join(" "));
    expect(named.some((t) => t.includes("cuir"))).toBe(true);
    expect(named.some((t) => t.includes("ferm") || t.includes("eclair"))).toBe(true);
    expect(named.some((t) => t.includes("lacet"))).toBe(true);
    // each sentence in the group whose terms it holds: the partition is the known one
    const assigned = docs.map((_, i) => found.findIndex((s) => s.members.includes(i)));
    expect(
      nmi(
        docs.map((d) => d.group),
        assigned,
      ),
    ).toBe(1);
    for (const s of found) expect(s.examples.length).toBe(3);
  });

  it("never suggests a dismissed group again, and says nothing on too few sentences", () => {
    const o = tokenOptions();
    const docs = corpus().map((d) => ({ text: d.text, tokens: tokens(d.text, "fr", o) }));
    const first = discoverThemes(docs, { maxSuggestions: 3 });
    const again = discoverThemes(docs, { maxSuggestions: 3, dismissed: new Set([first[0].id]) });
    expect(again.map((s) => s.id)).not.toContain(first[0].id);
    expect(discoverThemes(docs.slice(0, 5))).toEqual([]);
  });

  it("groups only what the codebook leaves out, and gives words people wrote", () => {
    const texts = [
      ...corpus().map((d) => ({ text: d.text })),
      ...Array.from({ length: 20 }, () => ({ text: "Trop cher." })),
    ];
    const { suggestions, sentences } = groupTexts(texts, "fr", DEFAULT_CODEBOOK, {
      maxSuggestions: 3,
    });
    expect(sentences.filter((s) => s.scores[0] > 0)).toHaveLength(20);
    for (const s of suggestions) expect(s.texts.every((i) => i < 60)).toBe(true);
    expect(suggestions.flatMap((s) => s.words)).toContain("cuir");
  });

  it("pairs neighbouring words, leaves intensity words out alone, and names a group stably", () => {
    expect([...features(["tres", "cuir", "craquel"])]).toEqual([
      "tres cuir",
      "cuir",
      "cuir craquel",
      "craquel",
    ]);
    expect(suggestionId(["b", "a"])).toBe(suggestionId(["a", "b"]));
    expect(suggestionId(["a"])).toMatch(/^s-[0-9a-f]{8}$/);
  });
});
