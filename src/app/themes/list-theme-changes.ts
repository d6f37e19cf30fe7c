/**
 * The changes decided because of themes, newest first, each with its themes' names in the
 * reader's language and how many people were told (waiting for the day's mail, queued, sent).
 */
import { AppError } from "../../domain/errors.ts";
import { canSeeThemes, type Role } from "../../domain/policies.ts";
import type { ThemeLang } from "../../domain/themes/analyse-text.ts";
import type { ThemeChange } from "../../domain/themes/theme-change.ts";
import type { Store } from "../../store/database.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { listChanges, type NoticeCounts } from "../../store/theme-change-repository.ts";
import { getCodebook } from "../../store/theme-repository.ts";

export interface ThemeChangeListItem {
  id: string;
  text: string;
  themes: { id: string; label: string }[];
  status: ThemeChange["status"];
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
  notices: NoticeCounts;
}

export async function listThemeChanges(
  store: Store,
  org: Organization,
  role: Role,
  lang: ThemeLang,
): Promise<ThemeChangeListItem[]> {
  if (!canSeeThemes(role))
    throw new AppError("FORBIDDEN", `role ${role} may not see the themes report`);
  const { codebook } = await getCodebook(store, org.id);
  const labelOf = (id: string) => codebook.themes.find((t) => t.id === id)?.label[lang] ?? id;
  return (await listChanges(store, org.id)).map((c) => ({
    id: c.id,
    text: c.text,
    themes: c.themes.map((id) => ({ id, label: labelOf(id) })),
    status: c.status,
    reason: c.reason,
    createdAt: c.createdAt,
    decidedAt: c.decidedAt,
    notices: c.notices,
  }));
}

/** One change as the list shows it (after recording or deciding it). */
export async function themeChangeItem(
  store: Store,
  org: Organization,
  role: Role,
  lang: ThemeLang,
  id: string,
): Promise<ThemeChangeListItem> {
  const found = (await listThemeChanges(store, org, role, lang)).find((c) => c.id === id);
  if (!found) throw new AppError("NOT_FOUND", `change: no change "${id}"`);
  return found;
}
