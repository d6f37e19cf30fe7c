/**
 * better-auth on Comptoir's own Kysely instance, so its tables (`user`, `session`, `account`,
 * `verification`) land in the same database and, on PostgreSQL, the same schema as ours.
 * Email and password only; sessions in httpOnly cookies, `Secure` when served over https.
 *
 * Its documented e-mail features do the work of accounts: the verification mail on sign-up
 * (`emailVerification`, a signed token valid 24 hours, signing in once opened), the password
 * reset (`sendResetPassword`, a stored token valid 1 hour and deleted when used, every session
 * ended), and, with `autoSignIn: false`, the same answer to a sign-up with a taken address as
 * with a new one (`onExistingUserSignUp` mails the owner of the address instead).
 */
import { betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import {
  type AccountMailDeps,
  queueAccountMail,
  RESET_LINK_SECONDS,
  VERIFY_LINK_SECONDS,
} from "../../app/accounts/queue-account-mail.ts";
import type { Store } from "../../store/database.ts";
import { resolveAuthSecret } from "./auth-secret.ts";
import { passwordChangeHooks } from "./password-change-hooks.ts";
import { trustedOrigins } from "./trusted-origins.ts";

export interface AuthOptions {
  /** The address browsers use, e.g. http://localhost:3000 (the only trusted origin). */
  publicUrl: string;
  /** Signing secret; default: COMPTOIR_SECRET, else a file outside the database (auth-secret.ts). */
  secret?: string;
  /** The secret file when COMPTOIR_SECRET is not set (default beside the SQLite file). */
  secretFile?: string;
  /** Where account mails go (the outbox, and the console without a mail server). */
  mail?: Omit<AccountMailDeps, "store" | "publicUrl">;
  /**
   * Called once a user's password changed or was reset: their API tokens are revoked, and the
   * demo hint stops showing the demo password.
   */
  onPasswordChange?: (userId: string) => Promise<void> | void;
}

/** The mail's language: the one the browser asks for when it is English, else French. */
function langOf(request?: Request): "fr" | "en" {
  return request?.headers.get("accept-language")?.toLowerCase().startsWith("en") ? "en" : "fr";
}

export async function createAuth(store: Store, options: AuthOptions) {
  const secret = resolveAuthSecret(store, { secret: options.secret, file: options.secretFile });
  const passwordChange = passwordChangeHooks(async (userId) => {
    await options.onPasswordChange?.(userId);
  });
  const mail: AccountMailDeps = {
    store,
    publicUrl: options.publicUrl,
    canSend: options.mail?.canSend ?? (async () => false),
    notice: options.mail?.notice ?? ((line) => process.stderr.write(line)),
    kick: options.mail?.kick,
  };
  // Filled in below: the reset callback marks the address verified through better-auth itself.
  let self: { $context: Promise<{ internalAdapter: InternalAdapter }> } | undefined;
  const auth = betterAuth({
    appName: "Comptoir",
    baseURL: options.publicUrl,
    basePath: "/api/auth",
    secret,
    trustedOrigins: trustedOrigins(options.publicUrl),
    database: { db: store.db, type: store.dialect },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      autoSignIn: false,
      resetPasswordTokenExpiresIn: RESET_LINK_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }, request) =>
        queueAccountMail(mail, user, "reset", token, langOf(request)),
      onExistingUserSignUp: async ({ user }, request) =>
        queueAccountMail(mail, user, "existing", null, langOf(request)),
      // The reset link reached the mailbox: the address is the user's.
      onPasswordReset: async ({ user }) => {
        await passwordChange.onPasswordReset({ user });
        if (!user.emailVerified && self) {
          await (await self.$context).internalAdapter.updateUser(user.id, { emailVerified: true });
        }
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      expiresIn: VERIFY_LINK_SECONDS,
      autoSignInAfterVerification: true,
      sendVerificationEmail: async ({ user, token }, request) =>
        queueAccountMail(mail, user, "verify", token, langOf(request)),
    },
    // A password change (a reset goes through onPasswordReset above).
    databaseHooks: passwordChange.databaseHooks,
    // Sign-in and sign-up are rate-limited by Fastify (see auth-routes.ts), in tests too.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      useSecureCookies: options.publicUrl.startsWith("https:"),
      cookiePrefix: "comptoir",
      // Explicit, so the Origin check also runs under NODE_ENV=test (better-auth skips it there).
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    logger: { disabled: true },
  });
  self = auth as unknown as typeof self;
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();
  return auth;
}

interface InternalAdapter {
  updateUser(id: string, data: Record<string, unknown>): Promise<unknown>;
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;

/** Marks the user's address verified (the setup token, an invitation link, the demo). */
export async function markEmailVerified(auth: Auth, userId: string): Promise<void> {
  await (await auth.$context).internalAdapter.updateUser(userId, { emailVerified: true });
}
