/**
 * What every route plugin receives (built by server.ts). Apart from server.ts so that the
 * routes, which server.ts imports, do not import it back.
 */
import type { OutboxLoop, SendMail } from "../app/mail/deliver-outbox.ts";
import type { Store } from "../store/database.ts";
import type { ImportJobs } from "./import-jobs.ts";
import type { ScorecardCache } from "./scorecard-cache.ts";

export interface RouteDeps {
  store: Store;
  publicUrl: string;
  demo: { email: string; password: string } | null;
  cache: ScorecardCache;
  jobs: ImportJobs;
  sendMail?: SendMail;
  /** The background delivery of the outbox (when `sendMail` is set); `kick()` delivers now. */
  outbox?: OutboxLoop;
  notice: (line: string) => void;
}
