/**
 * Themes: the report of what feedback says, and the owner's codebook (issue 17).
 * The API contract of these routes: one zod schema per input and output, and the inferred
 * types; the web app imports the types. Conventions in src/http/contract.ts.
 */
import { z } from "zod";
import { iso, policiesSchema } from "../../contract.ts";

const keywordList = z.array(z.string().trim().min(1).max(60)).max(200);

export const codebookThemeSchema = z.object({
  id: z
    .string()
    .max(40)
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "must be 1 to 40 lower-case letters, digits, _ or -"),
  label: z.object({ fr: z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(80) }),
  keywords: z.object({ fr: keywordList, en: keywordList }),
});
export type CodebookThemeBody = z.infer<typeof codebookThemeSchema>;

export const codebookBodySchema = z.object({ themes: z.array(codebookThemeSchema).max(40) });
export type CodebookBody = z.infer<typeof codebookBodySchema>;

export const codebookSchema = z.object({
  themes: z.array(codebookThemeSchema),
  dismissed: z.array(z.string()),
});

export const acceptSuggestionBodySchema = z.object({
  /** The theme's name, as the owner wants it shown (a suggestion's keywords by default). */
  label: z.string().trim().min(1).max(80),
  asOf: z.string().max(40).optional(),
});
/** The date the suggestion was seen as of (default now): suggestions depend on it. */
export const dismissSuggestionBodySchema = z.object({ asOf: z.string().max(40).optional() });

export type AcceptSuggestionBody = z.infer<typeof acceptSuggestionBodySchema>;

const source = z.object({ customer: z.number(), prospect: z.number(), churned: z.number() });

export const themesResponseSchema = z.object({
  asOf: iso,
  themes: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      keywords: z.array(z.string()),
      feedback: z.array(z.string()),
      trend: z.array(z.object({ month: z.string(), count: z.number() })),
      count: z.number(),
      /** 0 to 1, of the theme's feedback with a score; null when none has one. */
      detractorShare: z.number().nullable(),
      sources: source,
      quotes: z.array(z.object({ feedback: z.string(), text: z.string(), at: z.number() })),
    }),
  ),
  suggestions: z.array(
    z.object({
      id: z.string(),
      keywords: z.array(z.string()),
      count: z.number(),
      examples: z.array(z.string()),
    }),
  ),
  totals: z.object({ feedback: z.number(), withText: z.number(), unthemed: z.number() }),
  codebook: codebookSchema,
  codebookEdited: z.boolean(),
  can: policiesSchema,
});
export type ThemesResponse = z.infer<typeof themesResponseSchema>;

export const codebookResponseSchema = z.object({ codebook: codebookSchema });
export type CodebookResponse = z.infer<typeof codebookResponseSchema>;

/** A change decided because of themes (issue 17, item 4). */
export const themeChangeStatusSchema = z.enum(["planned", "done", "declined"]);

export const recordChangeBodySchema = z.object({
  /** What changes, as the customers will read it ("nous vérifions désormais la matière…"). */
  text: z.string().trim().min(1).max(500),
  /** Codebook theme ids the change answers. */
  themes: z.array(z.string().min(1).max(40)).min(1).max(20),
  status: themeChangeStatusSchema.optional(),
  /** Why not, required when declined. */
  reason: z.string().trim().max(500).optional(),
});
export type RecordChangeBody = z.infer<typeof recordChangeBodySchema>;

export const decideChangeBodySchema = z.object({
  status: z.enum(["done", "declined"]),
  reason: z.string().trim().max(500).optional(),
});
export type DecideChangeBody = z.infer<typeof decideChangeBodySchema>;

export const themeChangeSchema = z.object({
  id: z.string(),
  text: z.string(),
  themes: z.array(z.object({ id: z.string(), label: z.string() })),
  status: themeChangeStatusSchema,
  reason: z.string().nullable(),
  createdAt: iso,
  decidedAt: iso.nullable(),
  /**
   * People to tell (one per e-mail address): waiting for the day's mail, in a mail the server
   * has not accepted yet ("en file d'attente"), in a mail it accepted.
   */
  notices: z.object({
    people: z.number(),
    waiting: z.number(),
    queued: z.number(),
    sent: z.number(),
  }),
});
export type ThemeChangeView = z.infer<typeof themeChangeSchema>;

export const themeChangesResponseSchema = z.object({
  changes: z.array(themeChangeSchema),
  can: policiesSchema,
});
export type ThemeChangesResponse = z.infer<typeof themeChangesResponseSchema>;

export const themeChangeResponseSchema = z.object({ change: themeChangeSchema });
