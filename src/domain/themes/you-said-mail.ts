/**
 * The words of "Vous l'avez dit, nous l'avons fait" / "You said, we did": one mail gathering
 * what a person is told of one or more changes, in the person's language. It names the change,
 * the reason when declined, and the themes this person raised; it quotes no feedback at all,
 * so that nobody ever reads another person's words.
 */
import { htmlOf } from "../reminders/compose-reminder.ts";
import type { ThemeLang } from "./analyse-text.ts";

export interface YouSaidItem {
  text: string;
  status: "done" | "declined";
  reason: string | null;
  /** The labels, in the mail's language, of the change's themes this person raised. */
  themes: string[];
}

export interface YouSaidMail {
  subject: string;
  text: string;
  html: string;
}

const WORDS = {
  fr: {
    subjectDone: "Vous l'avez dit, nous l'avons fait",
    subjectDeclined: "Vous l'avez dit : notre réponse",
    hello: (name: string | null) => (name ? `Bonjour ${name},` : "Bonjour,"),
    intro: (themes: string) =>
      `Vous nous avez donné votre avis sur : ${themes}. Merci : voici ce que nous en avons fait.`,
    done: "Ce que nous avons changé :",
    declined: "Ce que nous ne ferons pas, et pourquoi :",
    why: "Pourquoi :",
    bye: (shop: string) => `Merci encore,\n${shop}`,
  },
  en: {
    subjectDone: "You said, we did",
    subjectDeclined: "You said: our answer",
    hello: (name: string | null) => (name ? `Hello ${name},` : "Hello,"),
    intro: (themes: string) =>
      `You gave us your opinion on: ${themes}. Thank you: here is what we did about it.`,
    done: "What we changed:",
    declined: "What we will not do, and why:",
    why: "Why:",
    bye: (shop: string) => `Thank you again,\n${shop}`,
  },
} as const;

/** "a ; b" (labels hold commas and "et" themselves). */
const listOf = (items: readonly string[], lang: ThemeLang): string =>
  items.join(lang === "fr" ? " ; " : "; ");

/**
 * @example youSaidMail("fr", "Ana", "Cordonnerie Martin", [{ text: "…", status: "done", reason: null, themes: ["le prix"] }]).subject
 * // "Vous l'avez dit, nous l'avons fait"
 */
export function youSaidMail(
  lang: ThemeLang,
  name: string | null,
  shop: string,
  items: readonly YouSaidItem[],
): YouSaidMail {
  const w = WORDS[lang];
  const themes = [...new Set(items.flatMap((i) => i.themes))];
  const done = items.filter((i) => i.status === "done");
  const declined = items.filter((i) => i.status === "declined");
  const parts: string[] = [w.hello(name), w.intro(listOf(themes, lang))];
  if (done.length > 0) parts.push([w.done, ...done.map((i) => `- ${i.text}`)].join("\n"));
  if (declined.length > 0)
    parts.push(
      [w.declined, ...declined.map((i) => `- ${i.text}\n  ${w.why} ${i.reason ?? ""}`)].join("\n"),
    );
  parts.push(w.bye(shop));
  const text = parts.join("\n\n");
  return {
    subject: done.length > 0 ? w.subjectDone : w.subjectDeclined,
    text,
    html: htmlOf(text),
  };
}
