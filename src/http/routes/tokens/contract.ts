/**
 * API tokens.
 * The API contract of these routes: one zod schema per input and output, and
 * the inferred types; the web app imports the types. Conventions in src/http/contract.ts.
 */
import { z } from "zod";

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters, to recognise it (`cpt_ab12…`). */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export const tokensResponseSchema = z.object({ items: z.array(tokenSchema) });
export const createTokenBodySchema = z.object({ name: z.string().trim().min(1).max(100) });
/** The secret is shown once, in this response only. */
export const createTokenResponseSchema = tokenSchema.extend({ token: z.string() });
export const tokenParamsSchema = z.object({ id: z.string().min(1).max(100) });
export type ApiToken = z.infer<typeof tokenSchema>;
export type CreatedApiToken = z.infer<typeof createTokenResponseSchema>;
