/**
 * The ledger's rows as they were recorded, for `comptoir export`: every fact of an organization
 * (or of one type) in order of arrival (`seq`), a chunk at a time, never the whole ledger in
 * memory. Facts are append-only: an export reads those up to the `seq` it started with, so
 * that facts added meanwhile do not end up in some files and not in others.
 */
import type { StoredFactRow } from "../domain/fact-export.ts";
import type { Store } from "./database.ts";
import { orgKey } from "./org-key.ts";

/** Rows per query: a few megabytes of JSON at most. */
export const EXPORT_CHUNK_ROWS = 2000;

/** How many facts of each type the organization has, up to `untilSeq` (all when undefined). */
export async function countFactsByType(
  store: Store,
  orgId: string,
  untilSeq?: number,
): Promise<Map<string, number>> {
  let query = store.db
    .selectFrom("facts")
    .select(["type", (eb) => eb.fn.countAll().as("n")])
    .where("org", "=", orgKey(orgId));
  if (untilSeq !== undefined) query = query.where("seq", "<=", untilSeq);
  const rows = await query.groupBy("type").execute();
  return new Map(rows.map((r) => [r.type, Number(r.n)]));
}

/**
 * The organization's facts with seq <= `untilSeq`, of `type` when given, oldest seq first, in
 * chunks of about `chunkRows` rows (keyset on the (org, seq) index). Between chunks the
 * connection is free and the event loop runs.
 * @example for await (const rows of streamFactRows(store, org.id, { untilSeq })) ...
 */
export async function* streamFactRows(
  store: Store,
  orgId: string,
  options: { untilSeq: number; type?: string; chunkRows?: number },
): AsyncGenerator<StoredFactRow[]> {
  const chunkRows = options.chunkRows ?? EXPORT_CHUNK_ROWS;
  let after = 0;
  for (;;) {
    let query = store.db
      .selectFrom("facts")
      .select(["seq", "type", "id", "at", "at_offset", "customer", "data"])
      .where("org", "=", orgKey(orgId))
      .where("seq", ">", after)
      .where("seq", "<=", options.untilSeq);
    if (options.type !== undefined) query = query.where("type", "=", options.type);
    const rows = await query.orderBy("seq").limit(chunkRows).execute();
    if (rows.length === 0) return;
    after = Number(rows[rows.length - 1]?.seq);
    yield rows.map(({ seq: _, ...row }) => row);
    if (rows.length < chunkRows) return;
    // SQLite answers synchronously: without this, a long export would hold the event loop.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
