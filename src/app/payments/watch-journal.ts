/**
 * The server's care of the payment journals (docs/payments.md): at start, every organization's
 * journal is verified (the result logged, and kept for the owners' warning) and its complete
 * periods closed; then the periods are closed again every hour. Closing is a claim in the
 * database, so several servers on one database may all run this.
 */
import type { Store } from "../../store/database.ts";
import { listOrganizations } from "../../store/organization-repository.ts";
import { orgsWithJournal } from "../../store/payment-journal-repository.ts";
import { closePeriods } from "./close-periods.ts";
import { verifyJournal } from "./verify-journal.ts";

export interface JournalWatch {
  /** The start's verification and closing (tests wait for it). */
  readonly started: Promise<void>;
  stop(): void;
}

interface Log {
  info: (fields: object, message: string) => void;
  warn: (fields: object, message: string) => void;
  error: (fields: object, message: string) => void;
}

const HOUR = 60 * 60 * 1000;

export function watchPaymentJournals(store: Store, log: Log, everyMs = HOUR): JournalWatch {
  let stopped = false;
  const journalOrgs = async () => {
    const ids = new Set(await orgsWithJournal(store.db));
    return (await listOrganizations(store)).filter((org) => ids.has(org.id));
  };
  const close = async () => {
    for (const org of await journalOrgs()) {
      if (stopped) return;
      const made = await closePeriods(store, org);
      if (made.length > 0)
        log.info({ org: org.slug, closures: made.length }, "payment journal closed");
    }
  };
  const started = (async () => {
    for (const org of await journalOrgs()) {
      if (stopped) return;
      const check = await verifyJournal(store, org);
      if (check.ok) log.info({ org: org.slug, entries: check.entries }, "payment journal verified");
      else
        log.warn(
          { org: org.slug, problems: check.problems.slice(0, 10) },
          "payment journal BROKEN: an entry or closure was changed, removed or inserted",
        );
    }
    await close();
  })().catch((error) => log.error({ err: error }, "payment journal check failed"));
  const timer = setInterval(() => {
    close().catch((error) => log.error({ err: error }, "payment journal closing failed"));
  }, everyMs);
  timer.unref();
  return {
    started,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
