/**
 * The schemas of better-auth's routes that Comptoir uses (email and password), for input
 * validation (so that a bad field is a BAD_INPUT naming it, like every other route) and for
 * the OpenAPI document. No Node imports: the web app may import the types.
 */
import { z } from "zod";
import { errorSchema } from "../contract.ts";

export const signUpBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  email: z.email().max(254),
  password: z.string().min(8).max(128),
});
export type SignUpBody = z.infer<typeof signUpBodySchema>;

export const signInBodySchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(128),
  /** false: the session ends with the browser (default true). */
  rememberMe: z.boolean().optional(),
});
export type SignInBody = z.infer<typeof signInBodySchema>;

const authUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  emailVerified: z.boolean(),
  image: z.string().nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const authErrors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  409: errorSchema,
  429: errorSchema,
};

export const signUpSchema = {
  summary:
    "Creates an account and mails its verification link; the same answer when the address already has an account (then that account is told by mail). Refused in invite mode and before the setup",
  tags: ["auth"],
  body: signUpBodySchema,
  response: {
    200: z.object({ token: z.string().nullable(), user: authUserSchema }),
    ...authErrors,
  },
};

export const signInSchema = {
  summary: "Signs in with e-mail and password (session cookie); 5 attempts a minute",
  tags: ["auth"],
  body: signInBodySchema,
  response: {
    200: z.object({
      redirect: z.boolean(),
      token: z.string(),
      url: z.string().nullable().optional(),
      user: authUserSchema,
    }),
    ...authErrors,
  },
};

export const signOutSchema = {
  summary: "Signs out: ends the session and clears its cookie",
  tags: ["auth"],
  response: { 200: z.object({ success: z.boolean() }), ...authErrors },
};

export const getSessionSchema = {
  summary: "better-auth's session (null when signed out); GET /api/session adds the organizations",
  tags: ["auth"],
  response: {
    200: z
      .object({
        session: z.object({
          id: z.string(),
          userId: z.string(),
          token: z.string().optional(),
          expiresAt: z.string(),
          createdAt: z.string(),
          updatedAt: z.string(),
          ipAddress: z.string().nullable().optional(),
          userAgent: z.string().nullable().optional(),
        }),
        user: authUserSchema,
      })
      .nullable(),
  },
};

/** What a user may change of their own account through better-auth (`/api/auth/update-user`). */
export const updateUserBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    image: z.string().max(2000).nullable().optional(),
  })
  .refine((body) => body.name !== undefined || body.image !== undefined, {
    message: "give the new name",
    path: ["name"],
  });

export const updateUserSchema = {
  summary: "Changes the signed-in user's name (at most 100 characters)",
  tags: ["auth"],
  body: updateUserBodySchema,
  response: { 200: z.object({ status: z.boolean() }), ...authErrors },
};

export const verifyEmailBodySchema = z.object({ token: z.string().min(1).max(4000) });
export const requestResetBodySchema = z.object({ email: z.email().max(254) });
export const resetPasswordBodySchema = z.object({
  token: z.string().min(1).max(200),
  newPassword: z.string().min(8).max(128),
});
export const sendVerificationBodySchema = z.object({ email: z.email().max(254) });

export const verifyEmailSchema = {
  summary:
    "Verifies the e-mail address with the token of the mailed link, once, and signs the account in",
  tags: ["auth"],
  body: verifyEmailBodySchema,
  response: { 200: z.object({ status: z.literal(true) }), ...authErrors, 410: errorSchema },
};

export const requestResetSchema = {
  summary:
    "Mails a password reset link (valid 1 hour, once); the same answer whether the address has an account or not",
  tags: ["auth"],
  body: requestResetBodySchema,
  response: {
    200: z.object({ status: z.boolean(), message: z.string().optional() }),
    ...authErrors,
  },
};

export const resetPasswordSchema = {
  summary: "Sets a new password with the token of the reset link; ends every session of the user",
  tags: ["auth"],
  body: resetPasswordBodySchema,
  response: { 200: z.object({ status: z.boolean() }), ...authErrors, 410: errorSchema },
};

export const sendVerificationSchema = {
  summary: "Mails a new verification link; the same answer for any address",
  tags: ["auth"],
  body: sendVerificationBodySchema,
  response: { 200: z.object({ status: z.boolean() }), ...authErrors },
};
