/**
 * The daily survey job inside the server (`serve` turns it on): soon after start, then every
 * hour, each organization's day is run if no server has claimed it yet (run-daily-surveys.ts
 * claims it in the database, so several servers on one database send once). A failure is
 * logged and the next hour tries again; a day whose claim was taken by a crashed run is not
 * retried that day (documented in docs/surveys.md).
 */
import type { Store } from "../../store/database.ts";
import { listOrganizations } from "../../store/organization-repository.ts";
import { runDailySurveys } from "./run-daily-surveys.ts";

export interface SurveySchedule {
  stop(): void;
}

export function startSurveySchedule(
  store: Store,
  publicUrl: string,
  onError: (error: unknown) => void,
  options: { firstDelayMs?: number; everyMs?: number } = {},
): SurveySchedule {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    for (const org of await listOrganizations(store)) {
      if (stopped) return;
      try {
        await runDailySurveys(store, org, publicUrl);
      } catch (error) {
        onError(error);
      }
    }
  };
  const schedule = (ms: number) => {
    timer = setTimeout(() => {
      tick()
        .catch(onError)
        .finally(() => {
          if (!stopped) schedule(options.everyMs ?? 3_600_000);
        });
    }, ms);
    timer.unref();
  };
  schedule(options.firstDelayMs ?? 60_000);
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
