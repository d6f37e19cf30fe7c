/**
 * API tokens: each acts in one organization of its creator, with a role no higher than
 * theirs (capped by their current role at every request), and expires.
 * The API contract of these routes: one zod schema per input and output, and
 * the inferred types; the web app imports the types. Conventions in src/http/contract.ts.
 */
import { z } from "zod";
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS } from "../../../domain/api-tokens.ts";
import { roleSchema } from "../../contract.ts";

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters, to recognise it (`cpt_ab12…`). */
  prefix: z.string(),
  /** The organization it acts in (null for a token whose organization is gone). */
  org: z.object({ slug: z.string(), name: z.string() }).nullable(),
  role: roleSchema.nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export const tokensResponseSchema = z.object({ items: z.array(tokenSchema) });
export const createTokenBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** The organization's slug. */
  org: z.string().min(1).max(63),
  /** At most the creator's own role there. */
  role: roleSchema,
  expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).default(DEFAULT_TOKEN_DAYS),
});
/** The secret is shown once, in this response only. */
export const createTokenResponseSchema = tokenSchema.extend({ token: z.string() });
export const tokenParamsSchema = z.object({ id: z.string().min(1).max(100) });
export type ApiToken = z.infer<typeof tokenSchema>;
export type TokensResponse = z.infer<typeof tokensResponseSchema>;
export type CreateTokenBody = z.input<typeof createTokenBodySchema>;
export type CreatedApiToken = z.infer<typeof createTokenResponseSchema>;
