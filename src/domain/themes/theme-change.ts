/**
 * A change decided because of one or more themes ("nous vérifions désormais la matière avant
 * d'accepter une réparation"), and what its contributors are told (issue 17, item 4).
 */
export const THEME_CHANGE_STATUSES = ["planned", "done", "declined"] as const;
export type ThemeChangeStatus = (typeof THEME_CHANGE_STATUSES)[number];

export interface ThemeChange {
  id: string;
  text: string;
  /** Codebook theme ids, at least one. */
  themes: string[];
  status: ThemeChangeStatus;
  /** Why not, when declined (required then); null otherwise. */
  reason: string | null;
  createdBy: string;
  /** ISO instants. */
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** The UTC day of an instant, `YYYY-MM-DD`: notices of a day go out together the day after. */
export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The outbox key of a person's "you said, we did" mail of a day: one per person and day. */
export const youSaidKey = (email: string, day: string): string => `you-said:${email}:${day}`;

/** An e-mail address as a person: trimmed, lower case; undefined when it is no address. */
export function personOf(email: unknown): string | undefined {
  if (typeof email !== "string") return undefined;
  const e = email.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) ? e : undefined;
}
