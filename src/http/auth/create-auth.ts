/**
 * better-auth on Comptoir's own Kysely instance, so its tables (`user`, `session`, `account`,
 * `verification`) land in the same database and, on PostgreSQL, the same schema as ours.
 * Email and password only; sessions in httpOnly cookies, `Secure` when served over https.
 */
import { betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
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
  /** Called once a user's password changed or was reset (their API tokens are revoked). */
  onPasswordChange?: (userId: string) => Promise<void>;
}

export async function createAuth(store: Store, options: AuthOptions) {
  const secret = resolveAuthSecret(store, { secret: options.secret, file: options.secretFile });
  const passwordChange = passwordChangeHooks(options.onPasswordChange);
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
      autoSignIn: true,
      onPasswordReset: passwordChange.onPasswordReset,
    },
    databaseHooks: passwordChange.databaseHooks,
    // Sign-in is rate-limited by Fastify (see auth-routes.ts), the same in tests and production.
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
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();
  return auth;
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;
