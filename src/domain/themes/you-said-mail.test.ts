import { describe, expect, it } from "vitest";
import { personOf, youSaidKey } from "./theme-change.ts";
import { youSaidMail } from "./you-said-mail.ts";

const done = { text: "Un devis écrit", status: "done" as const, reason: null, themes: ["Prix"] };
const no = {
  text: "Ouvrir le dimanche",
  status: "declined" as const,
  reason: "Nous sommes deux.",
  themes: ["Accès"],
};

describe("the words of 'you said, we did'", () => {
  it.each([
    ["fr", [done], "Vous l'avez dit, nous l'avons fait"],
    ["fr", [no], "Vous l'avez dit : notre réponse"],
    ["fr", [no, done], "Vous l'avez dit, nous l'avons fait"],
    ["en", [done], "You said, we did"],
    ["en", [no], "You said: our answer"],
  ] as const)("in %s, %j is titled %s", (lang, items, subject) => {
    expect(youSaidMail(lang, null, "Atelier", items).subject).toBe(subject);
  });

  it("gives the declined reason, the themes the person raised and no one's words", () => {
    const mail = youSaidMail("fr", "Ana Martin", "Atelier <Léa>", [done, no]);
    expect(mail.text).toBe(
      [
        "Bonjour Ana Martin,",
        "Vous nous avez donné votre avis sur : Prix ; Accès. Merci : voici ce que nous en avons fait.",
        "Ce que nous avons changé :\n- Un devis écrit",
        "Ce que nous ne ferons pas, et pourquoi :\n- Ouvrir le dimanche\n  Pourquoi : Nous sommes deux.",
        "Merci encore,\nAtelier <Léa>",
      ].join("\n\n"),
    );
    expect(mail.html).toContain("Atelier &lt;Léa&gt;");
  });

  it("reads a person as a trimmed, lower-case address, and keys one mail per person and day", () => {
    expect(personOf("  Ana@Example.TEST ")).toBe("ana@example.test");
    expect(personOf("not an address")).toBeUndefined();
    expect(personOf(undefined)).toBeUndefined();
    expect(youSaidKey("ana@example.test", "2026-12-08")).toBe(
      "you-said:ana@example.test:2026-12-08",
    );
  });
});
