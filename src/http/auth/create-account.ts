/**
 * Accounts created by the server rather than by the public sign-up: the first one (setup
 * token), an invitee's (through the invitation link), the demo owner and the tests'. Their
 * address counts as verified, since whoever holds the setup token or the invitation link got
 * it from the console or the mailbox. Uses better-auth's own adapter and password hashing, so
 * the account signs in like any other.
 */
import type { FastifyReply } from "fastify";
import { AppError } from "../../domain/errors.ts";
import type { Store } from "../../store/database.ts";
import { findUserByEmail } from "../../store/membership-repository.ts";
import type { Auth } from "./create-auth.ts";

export interface NewAccount {
  email: string;
  name: string;
  password: string;
}

export async function createVerifiedAccount(
  store: Store,
  auth: Auth,
  input: NewAccount,
): Promise<{ id: string; email: string; name: string }> {
  const email = input.email.trim().toLowerCase();
  if (await findUserByEmail(store, email)) {
    throw new AppError(
      "BAD_INPUT",
      "email: an account already has this address; sign in with it instead",
    );
  }
  const context = await auth.$context;
  const user = await context.internalAdapter.createUser(
    { email, name: input.name.trim(), emailVerified: true },
    { method: "email-password" },
  );
  await context.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: await context.password.hash(input.password),
  });
  return { id: user.id, email: user.email, name: user.name };
}

/** Signs the account in and puts the session cookie on `reply`. */
export async function startSession(
  auth: Auth,
  reply: FastifyReply,
  credentials: { email: string; password: string },
): Promise<void> {
  const response = await auth.api.signInEmail({ body: credentials, asResponse: true });
  if (!response.ok) throw new AppError("INTERNAL", "the new account could not sign in");
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header("set-cookie", cookies);
}
