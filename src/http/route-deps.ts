/**
 * What every route plugin receives (built by server.ts). Apart from server.ts so that the
 * routes, which server.ts imports, do not import it back.
 */
import type { SetupToken } from "../app/accounts/setup-token.ts";
import type { OutboxLoop, SendMail } from "../app/mail/deliver-outbox.ts";
import type { MailRouter } from "../app/mail/mail-router.ts";
import type { Store } from "../store/database.ts";
import type { Auth } from "./auth/create-auth.ts";
import type { DemoAccount } from "./auth/demo-account.ts";
import type { SignUpMode } from "./auth/sign-up-guard.ts";
import type { ImportJobs } from "./import-jobs.ts";
import type { ScorecardCache } from "./scorecard-cache.ts";

export interface RouteDeps {
  store: Store;
  publicUrl: string;
  /** Demo mode: the demo owner (its password is shown only as demo-account.ts allows). */
  demo: DemoAccount | null;
  auth: Auth;
  /** Which mail server carries each mail (the organization's, the instance's, or none). */
  mail: MailRouter;
  signUpMode: SignUpMode;
  /** The setup token, pending while the instance has no account. */
  setup: SetupToken;
  /** Whether the instance has any account. */
  hasUsers(): Promise<boolean>;
  cache: ScorecardCache;
  jobs: ImportJobs;
  /** The instance's mail server (COMPTOIR_SMTP_URL), if any. */
  sendMail?: SendMail;
  /** The background delivery of the outbox; `kick()` delivers now. */
  outbox: OutboxLoop;
  notice: (line: string) => void;
}
