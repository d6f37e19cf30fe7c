/**
 * The session: who is signed in and the organizations they belong to.
 * The API contract of these routes: one zod schema per input and output, and
 * the inferred types; the web app imports the types. Conventions in src/http/contract.ts.
 */
import { z } from "zod";
import { policiesSchema, roleSchema } from "../../contract.ts";

export const userSchema = z.object({ id: z.string(), email: z.string(), name: z.string() });
export const membershipSchema = z.object({
  slug: z.string(),
  name: z.string(),
  lang: z.string(),
  timeZone: z.string(),
  role: roleSchema,
  can: policiesSchema,
});
export const sessionResponseSchema = z.object({
  user: userSchema.nullable(),
  organizations: z.array(membershipSchema),
  /** Only in demo mode: the demo owner's credentials, shown on the sign-in page. */
  demo: z.object({ email: z.string(), password: z.string() }).nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
export type Membership = z.infer<typeof membershipSchema>;
