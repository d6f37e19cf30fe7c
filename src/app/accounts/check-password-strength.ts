/**
 * Refuses weak and common passwords with zxcvbn (its French and common dictionaries: the
 * most used passwords, names, words, keyboard walks), the user's own name and e-mail counting
 * as known words. Score 3 of 4 at least ("safely unguessable: moderate protection from an
 * offline slow-hash scenario"). The dictionaries load on first use (about 200 ms, once).
 * @example await checkPasswordStrength("azerty123", ["Nadia"]) // throws WEAK_PASSWORD
 */
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { AppError } from "../../domain/errors.ts";

export const MIN_PASSWORD_SCORE = 3;

let factory: Promise<ZxcvbnFactory> | undefined;

function loadFactory(): Promise<ZxcvbnFactory> {
  factory ??= (async () => {
    // Their CommonJS build is what some loaders pick (tsx): the exports are then under default.
    const named = <T extends object>(m: T): T =>
      (m as { default?: T }).default && !("dictionary" in m || "ZxcvbnFactory" in m)
        ? (m as { default: T }).default
        : m;
    const [core, common, fr] = (
      await Promise.all([
        import("@zxcvbn-ts/core"),
        import("@zxcvbn-ts/language-common"),
        import("@zxcvbn-ts/language-fr"),
      ])
    ).map(named) as unknown as [
      typeof import("@zxcvbn-ts/core"),
      typeof import("@zxcvbn-ts/language-common"),
      typeof import("@zxcvbn-ts/language-fr"),
    ];
    return new core.ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...fr.dictionary },
      graphs: common.adjacencyGraphs,
    });
  })();
  return factory;
}

/** The words of the user's own data that a password should not lean on. */
function userWords(inputs: string[]): string[] {
  return inputs
    .flatMap((input) => [input, ...input.split(/[\s@._+-]+/)])
    .filter((w) => w.length > 2);
}

export async function checkPasswordStrength(
  password: string,
  inputs: string[] = [],
  /** The input the password came in, named by the error (`newPassword` on a reset). */
  field = "password",
): Promise<void> {
  const result = (await loadFactory()).check(password, userWords(inputs));
  if (result.score >= MIN_PASSWORD_SCORE) return;
  // Without translations, zxcvbn's warnings are keys: "topTen", "common", "namesByThemselves"…
  const warning = String(result.feedback.warning ?? "");
  const why = /top|common/i.test(warning)
    ? "it is among the most common passwords"
    : /name|userInputs/i.test(warning)
      ? "it leans on a name or on your own details"
      : /date|year/i.test(warning)
        ? "dates and years are easy to guess"
        : /sequence|repeat|keyboard|straight|keyPattern/i.test(warning)
          ? "keyboard rows, sequences and repeats are easy to guess"
          : "it is too easy to guess";
  throw new AppError(
    "WEAK_PASSWORD",
    `${field}: too easy to guess (${why}); use a longer one, a few unrelated words for instance`,
  );
}
