/**
 * The session: who is signed in and the organizations they belong to.
 * The API contract of these routes: one zod schema per input and output, and
 * the inferred types; the web app imports the types. Conventions in src/http/contract.ts.
 */
import { z } from "zod";
import { policiesSchema, roleSchema } from "../../contract.ts";

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  /** Confirmed through the mailed link (or by the setup token, an invitation link, a reset). */
  emailVerified: z.boolean(),
});
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
  /**
   * Only in demo mode, to a visitor on the server's own machine (or the demo owner), while the
   * demo password is unchanged: the demo owner's credentials, shown on the sign-in page.
   */
  demo: z.object({ email: z.string(), password: z.string() }).nullable(),
  instance: z.object({
    /** No account yet: the first page is "create your workshop" (with the setup token). */
    setup: z.boolean(),
    /** Whether anyone may sign up, or only invited people. */
    signUp: z.enum(["open", "invite"]),
  }),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
export type Membership = z.infer<typeof membershipSchema>;
