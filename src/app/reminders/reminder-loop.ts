/**
 * The schedule inside the server: every `intervalMs` (default an hour), for each organization,
 * the first server to claim the day's run (a row per organization and day, `reminder_runs`)
 * runs it; the others skip. Even two runs at once would queue each reminder once: the steps'
 * primary key is the claim (queue-reminder.ts). The day is UTC.
 */
import type { Store } from "../../store/database.ts";
import { listOrganizations } from "../../store/organization-repository.ts";
import { claimDailyRun } from "../../store/reminder-repository.ts";
import { runReminders } from "./run-reminders.ts";

export interface ReminderLoop {
  /** Runs the due organizations now (after the run in progress, if any). */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

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
  const intervalMs = options.intervalMs ?? 3_600_000;
  const now = options.now ?? Date.now;
  let stopped = false;
  let running: Promise<number> | null = null;
  const runDue = async (): Promise<number> => {
    const at = now();
    const day = new Date(at).toISOString().slice(0, 10);
    let ran = 0;
    for (const org of await listOrganizations(store)) {
      if (stopped) break;
      if (!(await claimDailyRun(store, org.id, day))) continue;
      const result = await runReminders(store, org, { asOf: at, limit: 0 });
      ran++;
      if (result.counts.queued > 0) options.onQueued?.();
    }
    return ran;
  };
  const tick = (): Promise<number> => {
    running ??= runDue()
      .catch((error: unknown) => {
        options.onError?.(error);
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}
