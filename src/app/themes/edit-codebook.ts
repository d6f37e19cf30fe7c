/**
 * The owner's changes to the themes codebook: replace it (rename a theme, add or remove
 * keywords), accept a suggestion (it joins the codebook under the owner's name for it), dismiss
 * one (never suggested again). Bad input changes nothing.
 */
import { AppError } from "../../domain/errors.ts";
import { canEditCodebook, type Role } from "../../domain/policies.ts";
import type { Codebook } from "../../domain/themes/codebook.ts";
import { DEFAULT_CODEBOOK } from "../../domain/themes/default-codebook.ts";
import { validateCodebook } from "../../domain/themes/validate-codebook.ts";
import type { Store } from "../../store/database.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { getCodebook, saveCodebook } from "../../store/theme-repository.ts";
import { computeThemes } from "./compute-themes.ts";
import { suggestionTheme } from "./engine/group-texts.ts";

export interface CodebookActor {
  userId: string;
  role: Role;
}

function mayEdit(actor: CodebookActor) {
  if (!canEditCodebook(actor.role))
    throw new AppError("FORBIDDEN", `role ${actor.role} may not change the themes codebook`);
}

function checked(codebook: Codebook): Codebook {
  const errors = validateCodebook(codebook);
  if (errors.length > 0)
    throw new AppError(
      "BAD_INPUT",
      errors.map((e) => `${e.field}: ${e.reason}`).join("\n"),
      errors,
    );
  return codebook;
}

export async function updateCodebook(
  store: Store,
  org: Organization,
  actor: CodebookActor,
  input: { themes: Codebook["themes"]; dismissed?: string[] },
  now = Date.now(),
): Promise<Codebook> {
  mayEdit(actor);
  const current = await getCodebook(store, org.id);
  const next = checked({
    themes: input.themes,
    dismissed: input.dismissed ?? current.codebook.dismissed,
  });
  await saveCodebook(store, org.id, next, actor.userId, now);
  return next;
}

/** Back to the default codebook (dismissed suggestions stay dismissed). */
export async function resetCodebook(
  store: Store,
  org: Organization,
  actor: CodebookActor,
  now = Date.now(),
) {
  mayEdit(actor);
  const current = await getCodebook(store, org.id);
  const next = {
    themes: structuredClone(DEFAULT_CODEBOOK.themes),
    dismissed: current.codebook.dismissed,
  };
  await saveCodebook(store, org.id, next, actor.userId, now);
  return next;
}

/** A theme id from a label: "Cuir et peaux" → "cuir-et-peaux" (made unique). */
export function themeIdFor(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 32) || "theme";
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}

export async function acceptSuggestion(
  store: Store,
  org: Organization,
  actor: CodebookActor,
  input: { suggestion: string; label: string; asOf: number },
  now = Date.now(),
): Promise<Codebook> {
  mayEdit(actor);
  const label = input.label.trim();
  if (label === "") throw new AppError("BAD_INPUT", "label: must name the theme");
  const { suggestions } = await computeThemes(store, org, { asOf: input.asOf, lang: "fr" });
  const found = suggestions.find((s) => s.id === input.suggestion);
  if (!found)
    throw new AppError(
      "NOT_FOUND",
      `suggestion: no suggestion "${input.suggestion}" (the feedback may have changed)`,
    );
  const { codebook } = await getCodebook(store, org.id);
  const id = themeIdFor(label, new Set(codebook.themes.map((t) => t.id)));
  const next = checked({
    themes: [...codebook.themes, suggestionTheme(found, id, label)],
    dismissed: codebook.dismissed,
  });
  await saveCodebook(store, org.id, next, actor.userId, now);
  return next;
}

export async function dismissSuggestion(
  store: Store,
  org: Organization,
  actor: CodebookActor,
  input: { suggestion: string; asOf: number },
  now = Date.now(),
): Promise<Codebook> {
  mayEdit(actor);
  const { suggestions } = await computeThemes(store, org, { asOf: input.asOf, lang: "fr" });
  if (!suggestions.some((s) => s.id === input.suggestion))
    throw new AppError(
      "NOT_FOUND",
      `suggestion: no suggestion "${input.suggestion}" (the feedback may have changed)`,
    );
  const { codebook } = await getCodebook(store, org.id);
  if (codebook.dismissed.includes(input.suggestion)) return codebook;
  const next = {
    themes: codebook.themes,
    dismissed: [...codebook.dismissed, input.suggestion].slice(-500),
  };
  await saveCodebook(store, org.id, next, actor.userId, now);
  return next;
}
