/**
 * Work a server does on its own every `intervalMs` (default an hour): the reminders, the
 * "you said, we did" mails. One run at a time in this process (a tick during a run waits for
 * it); across servers, each job claims its work in the database. A failed run is reported to
 * `onError` and the next tick tries again; `stop` waits for the run in progress.
 * @example const loop = startPeriodicLoop(async (stopped) => ..., { onError }); await loop.stop();
 */
export interface PeriodicLoop {
  /** Runs now (after the run in progress, if any); what the run counted. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

export function startPeriodicLoop(
  run: (stopped: () => boolean) => Promise<number>,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): PeriodicLoop {
  let stopped = false;
  let running: Promise<number> | null = null;
  const tick = (): Promise<number> => {
    running ??= run(() => stopped)
      .catch((error: unknown) => {
        options.onError?.(error);
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 3_600_000);
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
