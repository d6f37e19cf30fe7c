/**
 * The schedule inside the server: every `intervalMs` (default an hour), for each organization,
 * the first server to claim the day's run (a row per organization and day, `reminder_runs`)
 * runs it; the others skip. Even two runs at once would queue each reminder once: the steps'
 * primary key is the claim (queue-reminder.ts). The day is UTC.
 */
import type { Store } from "../../store/database.ts";
import { listOrganizations } from "../../store/organization-repository.ts";
import { claimDailyRun } from "../../store/reminder-repository.ts";
import { type PeriodicLoop, startPeriodicLoop } from "../shared/periodic-loop.ts";
import { runReminders } from "./run-reminders.ts";

export type ReminderLoop = PeriodicLoop;

export function startReminderLoop(
  store: Store,
  options: {
    intervalMs?: number;
    now?: () => number;
    /** After a run queued mails: deliver them now. */
    onQueued?: () => void;
    onError?: (error: unknown) => void;
  } = {},
): ReminderLoop {
  const now = options.now ?? Date.now;
  return startPeriodicLoop(async (stopped) => {
    const at = now();
    const day = new Date(at).toISOString().slice(0, 10);
    let ran = 0;
    for (const org of await listOrganizations(store)) {
      if (stopped()) break;
      if (!(await claimDailyRun(store, org.id, day))) continue;
      const result = await runReminders(store, org, { asOf: at, limit: 0 });
      ran++;
      if (result.counts.queued > 0) options.onQueued?.();
    }
    return ran;
  }, options);
}
