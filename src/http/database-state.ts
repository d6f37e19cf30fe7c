/**
 * What the server knows of its database, for the readiness check and the 503 answers
 * (issue 15): the last probe's outcome, refreshed at most every `freshMs` when asked, and
 * at once after a request failed for want of the database. The health routes never wait on
 * more than one probe at a time, so that they keep answering while the database is away.
 */
import type { Store } from "../store/database.ts";
import { type ProbeResult, probeDatabase } from "../store/probe-database.ts";

export interface DatabaseStatus {
  state: "up" | "down" | "slow";
  /** When this was last checked (ms since the epoch). */
  checkedAt: number;
  /** The driver's message when down (for the log and the operator; not shown to customers). */
  reason?: string;
}

export class DatabaseState {
  private last: DatabaseStatus = { state: "up", checkedAt: 0 };
  private probing: Promise<DatabaseStatus> | undefined;

  constructor(
    private readonly store: Store,
    private readonly options: { freshMs?: number; timeoutMs?: number } = {},
  ) {}

  /** The database's state: the last known one while fresh and up, else a probe's. */
  async status(): Promise<DatabaseStatus> {
    const freshMs = this.options.freshMs ?? 2000;
    if (this.last.state === "up" && Date.now() - this.last.checkedAt < freshMs) return this.last;
    this.probing ??= probeDatabase(this.store, this.options.timeoutMs ?? 1500)
      .then((result: ProbeResult) => this.record(result))
      .finally(() => {
        this.probing = undefined;
      });
    return this.probing;
  }

  /** A request just failed because the database was not there. */
  markDown(reason: string): void {
    this.last = { state: "down", checkedAt: Date.now(), reason };
  }

  private record(result: ProbeResult): DatabaseStatus {
    this.last =
      result.state === "down"
        ? { state: "down", checkedAt: Date.now(), reason: result.reason }
        : { state: result.state, checkedAt: Date.now() };
    return this.last;
  }
}
