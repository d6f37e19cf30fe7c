/**
 * Who raised a change's themes: each person (an e-mail address) whose feedback is in one of
 * them, with the themes they raised, their name and language. Left out: feedback without an
 * address (no customer with an e-mail, no `email` field on the answer), people who opted out
 * (a customer record with the `opt_out` field, set by a survey's opt-out link or by hand, so
 * that export carries it) and customers whose relationship the owner ended; a person is left
 * out when any record with their address is.
 */

import type { CustomerFact, FeedbackFact } from "../../domain/facts.ts";
import { endedRelationships } from "../../domain/relationship.ts";
import { isOptedOut } from "../../domain/surveys/survey-rules.ts";
import type { ThemeLang } from "../../domain/themes/analyse-text.ts";
import { personOf } from "../../domain/themes/theme-change.ts";
import type { Store } from "../../store/database.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { listAllDecisions } from "../../store/relationship-repository.ts";
import { customerRecordsAsOf } from "../../store/theme-change-repository.ts";
import { listFeedback } from "../../store/theme-repository.ts";
import { computeThemes } from "./compute-themes.ts";

export interface Contributor {
  email: string;
  name: string | null;
  lang: ThemeLang;
  /** The change's theme ids this person raised, in the change's order. */
  themes: string[];
}

const langOf = (value: unknown): ThemeLang | undefined =>
  value === "fr" || value === "en" ? value : undefined;

/** The surveys' opt-out (`survey_opt_out`, docs/surveys.md), or an `opt_out` set by hand. */
const optedOut = (c: CustomerFact): boolean => {
  const flag = c.extra?.opt_out;
  return isOptedOut(c) || (flag !== undefined && flag !== null && flag !== false && flag !== "");
};

export async function findContributors(
  store: Store,
  org: Organization,
  themeIds: readonly string[],
  asOf: number,
): Promise<Contributor[]> {
  const orgLang: ThemeLang = org.lang === "en" ? "en" : "fr";
  const { view } = await computeThemes(store, org, { asOf, lang: orgLang });
  const themesOf = new Map<string, Set<string>>();
  for (const theme of view.themes) {
    if (!themeIds.includes(theme.id)) continue;
    for (const id of theme.feedback) {
      const set = themesOf.get(id) ?? new Set<string>();
      set.add(theme.id);
      themesOf.set(id, set);
    }
  }
  if (themesOf.size === 0) return [];
  const feedback = (await listFeedback(store, org.id, asOf)).filter((f) => themesOf.has(f.id));
  const customers = new Map(
    (await customerRecordsAsOf(store, org.id, asOf)).map((c) => [c.id, c] as const),
  );
  const ended = endedRelationships(await listAllDecisions(store.db, org.id));
  const excluded = new Set<string>();
  for (const c of customers.values()) {
    const email = personOf(c.email);
    if (email && (optedOut(c) || ended.has(c.id))) excluded.add(email);
  }
  const people = new Map<string, Contributor & { latest: number }>();
  for (const f of feedback.sort((a, b) => a.at - b.at)) {
    const customer = f.customer ? customers.get(f.customer) : undefined;
    if (f.customer && ended.has(f.customer)) continue;
    if (customer && optedOut(customer)) continue;
    const email = personOf(customer?.email ?? (f as FeedbackFact).extra?.email);
    if (!email || excluded.has(email)) continue;
    const person = people.get(email) ?? {
      email,
      name: null,
      lang: orgLang,
      themes: [],
      latest: 0,
    };
    for (const t of themesOf.get(f.id) ?? []) if (!person.themes.includes(t)) person.themes.push(t);
    person.name = customer?.name ?? person.name;
    person.lang = langOf(customer?.lang) ?? langOf(f.lang) ?? person.lang;
    person.latest = f.at;
    people.set(email, person);
  }
  return [...people.values()].map(({ latest: _latest, ...p }) => ({
    ...p,
    themes: themeIds.filter((t) => p.themes.includes(t)),
  }));
}
