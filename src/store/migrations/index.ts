import type { Migration } from "kysely";
import * as initial from "./2026-11-22T07-00-initial.ts";
import * as accounts from "./2026-11-22T08-00-accounts.ts";
import * as factSeqIndex from "./2026-11-22T08-10-fact-seq-index.ts";
import * as intake from "./2026-11-22T09-00-intake.ts";
import * as relationships from "./2026-12-01T10-00-relationships.ts";
import * as accountsMore from "./2026-12-01T12-00-accounts-more.ts";
import * as factOrgKey from "./2026-12-01T14-00-fact-org-key.ts";
import * as identity from "./2026-12-06T10-00-identity.ts";
import * as signup from "./2026-12-06T10-00-signup.ts";
import * as tokenScope from "./2026-12-06T11-00-token-scope.ts";
import * as forgetAuthSecret from "./2026-12-06T11-10-forget-auth-secret.ts";
import * as invoices from "./2026-12-07T10-00-invoices.ts";
import * as timeTimers from "./2026-12-07T11-00-time-timers.ts";
import * as outboxGrownUp from "./2026-12-07T12-00-outbox-grown-up.ts";
import * as reminders from "./2026-12-07T12-10-reminders.ts";
import * as themes from "./2026-12-07T13-00-themes.ts";
import * as surveys from "./2026-12-07T14-00-surveys.ts";
import * as paymentJournal from "./2026-12-07T15-00-payment-journal.ts";
import * as themeChanges from "./2026-12-07T16-00-theme-changes.ts";

/**
 * Every migration the code knows, by name, in order. Listed statically (no directory scan),
 * so the same list works from a checkout, a bundle or a test.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-22T07-00-initial": initial,
  "2026-11-22T08-00-accounts": accounts,
  "2026-11-22T08-10-fact-seq-index": factSeqIndex,
  "2026-11-22T09-00-intake": intake,
  "2026-12-01T10-00-relationships": relationships,
  "2026-12-01T12-00-accounts-more": accountsMore,
  "2026-12-01T14-00-fact-org-key": factOrgKey,
  "2026-12-06T10-00-identity": identity,
  "2026-12-06T10-00-signup": signup,
  "2026-12-06T11-00-token-scope": tokenScope,
  "2026-12-06T11-10-forget-auth-secret": forgetAuthSecret,
  "2026-12-07T10-00-invoices": invoices,
  "2026-12-07T11-00-time-timers": timeTimers,
  "2026-12-07T12-00-outbox-grown-up": outboxGrownUp,
  "2026-12-07T12-10-reminders": reminders,
  "2026-12-07T13-00-themes": themes,
  "2026-12-07T14-00-surveys": surveys,
  "2026-12-07T15-00-payment-journal": paymentJournal,
  "2026-12-07T16-00-theme-changes": themeChanges,
};
