/**
 * What an owner's codebook must be: unique ids, a label in each language, at least one keyword
 * in some language, within the limits. Each problem names its field, as the API reports it.
 */
import { CODEBOOK_LIMITS, type Codebook, THEME_ID, THEME_LANGS } from "./codebook.ts";

export interface CodebookError {
  field: string;
  reason: string;
}

/** @example validateCodebook({ themes: [{ id: "Prix", ... }], dismissed: [] })[0].field // "themes.0.id" */
export function validateCodebook(codebook: Codebook): CodebookError[] {
  const errors: CodebookError[] = [];
  if (codebook.themes.length > CODEBOOK_LIMITS.themes)
    errors.push({ field: "themes", reason: `at most ${CODEBOOK_LIMITS.themes} themes` });
  const seen = new Set<string>();
  codebook.themes.forEach((theme, i) => {
    const at = `themes.${i}`;
    if (!THEME_ID.test(theme.id))
      errors.push({
        field: `${at}.id`,
        reason:
          "must be 1 to 40 lower-case letters, digits, _ or -, starting with a letter or digit",
      });
    else if (seen.has(theme.id))
      errors.push({ field: `${at}.id`, reason: `"${theme.id}" is already another theme's id` });
    seen.add(theme.id);
    for (const lang of THEME_LANGS) {
      const label = theme.label[lang]?.trim() ?? "";
      if (label === "" || label.length > CODEBOOK_LIMITS.label)
        errors.push({
          field: `${at}.label.${lang}`,
          reason: `must be 1 to ${CODEBOOK_LIMITS.label} characters`,
        });
      const keywords = theme.keywords[lang] ?? [];
      if (keywords.length > CODEBOOK_LIMITS.keywords)
        errors.push({
          field: `${at}.keywords.${lang}`,
          reason: `at most ${CODEBOOK_LIMITS.keywords} keywords`,
        });
      keywords.forEach((k, j) => {
        if (k.trim() === "" || k.length > CODEBOOK_LIMITS.keyword || !/[\p{L}\p{N}]/u.test(k))
          errors.push({
            field: `${at}.keywords.${lang}.${j}`,
            reason: `must hold a word, at most ${CODEBOOK_LIMITS.keyword} characters`,
          });
      });
    }
    if (THEME_LANGS.every((lang) => (theme.keywords[lang] ?? []).length === 0))
      errors.push({
        field: `${at}.keywords`,
        reason: "needs at least one keyword, in French or English",
      });
  });
  return errors;
}
