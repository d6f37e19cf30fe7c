/**
 * Changes decided because of themes and the notices of "you said, we did" (migration
 * 2026-12-07T16-00-theme-changes). Every query takes the organization's id.
 */
import { type Kysely, sql } from "kysely";
import { applyCorrections } from "../domain/corrections.ts";
import { decodeFact } from "../domain/fact-codec.ts";
import type { CustomerFact } from "../domain/facts.ts";
import type { ThemeChange, ThemeChangeStatus } from "../domain/themes/theme-change.ts";
import type { Store } from "./database.ts";
import { orgKey } from "./org-key.ts";
import type { Database } from "./schema.ts";

export interface ThemeChangeTable {
  id: string;
  org_id: string;
  text: string;
  themes: string;
  status: string;
  reason: string | null;
  created_by: string;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

export interface ThemeChangeNoticeTable {
  org_id: string;
  change_id: string;
  email: string;
  name: string | null;
  lang: string;
  themes: string;
  day: string;
  outbox_id: number | string | null;
}

type Tables = { theme_changes: ThemeChangeTable; theme_change_notices: ThemeChangeNoticeTable };
type Db = Kysely<Database & Tables>;
const typed = (db: Kysely<Database>): Db => db.withTables<Tables>();

function changeOf(r: ThemeChangeTable): ThemeChange {
  return {
    id: r.id,
    text: r.text,
    themes: JSON.parse(r.themes) as string[],
    status: r.status as ThemeChangeStatus,
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: r.created_at,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  };
}

export async function insertChange(store: Store, orgId: string, c: ThemeChange): Promise<void> {
  await typed(store.db)
    .insertInto("theme_changes")
    .values({
      id: c.id,
      org_id: orgId,
      text: c.text,
      themes: JSON.stringify(c.themes),
      status: c.status,
      reason: c.reason,
      created_by: c.createdBy,
      created_at: c.createdAt,
      decided_by: c.decidedBy,
      decided_at: c.decidedAt,
    })
    .execute();
}

export async function findChange(
  store: Store,
  orgId: string,
  id: string,
): Promise<ThemeChange | undefined> {
  const row = await typed(store.db)
    .selectFrom("theme_changes")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? changeOf(row) : undefined;
}

/** Planned → done or declined; false when the change was no longer planned (decided meanwhile). */
export async function decideChange(
  store: Store,
  orgId: string,
  id: string,
  decision: { status: "done" | "declined"; reason: string | null; by: string; at: string },
): Promise<boolean> {
  const result = await typed(store.db)
    .updateTable("theme_changes")
    .set({
      status: decision.status,
      reason: decision.reason,
      decided_by: decision.by,
      decided_at: decision.at,
    })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("status", "=", "planned")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface NoticeCounts {
  /** People to tell in all. */
  people: number;
  /** Waiting for the day's mail (queued the next day: one mail per person and day). */
  waiting: number;
  /** In a mail the server has not accepted yet. */
  queued: number;
  /** In a mail the server accepted. */
  sent: number;
}

export interface ThemeChangeWithCounts extends ThemeChange {
  notices: NoticeCounts;
}

/** The organization's changes, newest first, with how many people were told. */
export async function listChanges(
  store: Store,
  orgId: string,
  limit = 200,
): Promise<ThemeChangeWithCounts[]> {
  const db = typed(store.db);
  const rows = await db
    .selectFrom("theme_changes")
    .selectAll()
    .where("org_id", "=", orgId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
  const counts = new Map<string, NoticeCounts>();
  if (rows.length > 0) {
    const notices = await db
      .selectFrom("theme_change_notices as n")
      .leftJoin("outbox as o", "o.id", "n.outbox_id")
      .select(["n.change_id", "n.outbox_id", "o.sent_at"])
      .where("n.org_id", "=", orgId)
      .where(
        "n.change_id",
        "in",
        rows.map((r) => r.id),
      )
      .execute();
    for (const n of notices) {
      const c = counts.get(n.change_id) ?? { people: 0, waiting: 0, queued: 0, sent: 0 };
      c.people += 1;
      if (n.outbox_id === null) c.waiting += 1;
      else if (n.sent_at) c.sent += 1;
      else c.queued += 1;
      counts.set(n.change_id, c);
    }
  }
  return rows.map((r) => ({
    ...changeOf(r),
    notices: counts.get(r.id) ?? { people: 0, waiting: 0, queued: 0, sent: 0 },
  }));
}

export interface NoticeRow {
  changeId: string;
  email: string;
  name: string | null;
  lang: string;
  themes: string[];
  day: string;
}

/** Notices for a decided change; a person already noticed for it is left as is. */
export async function insertNotices(
  store: Store,
  orgId: string,
  notices: readonly NoticeRow[],
): Promise<void> {
  for (let i = 0; i < notices.length; i += 200) {
    await typed(store.db)
      .insertInto("theme_change_notices")
      .values(
        notices.slice(i, i + 200).map((n) => ({
          org_id: orgId,
          change_id: n.changeId,
          email: n.email,
          name: n.name,
          lang: n.lang,
          themes: JSON.stringify(n.themes),
          day: n.day,
          outbox_id: null,
        })),
      )
      .onConflict((oc) => oc.columns(["org_id", "change_id", "email"]).doNothing())
      .execute();
  }
}

export interface PendingNotice extends NoticeRow {
  change: ThemeChange;
}

/** Notices not yet in a mail, of changes decided before `day` (UTC `YYYY-MM-DD`). */
export async function pendingNotices(
  store: Store,
  orgId: string,
  day: string,
): Promise<PendingNotice[]> {
  const rows = await typed(store.db)
    .selectFrom("theme_change_notices as n")
    .innerJoin("theme_changes as c", (j) =>
      j.onRef("c.id", "=", "n.change_id").onRef("c.org_id", "=", "n.org_id"),
    )
    .selectAll("c")
    .select(["n.email", "n.name", "n.lang", "n.themes as notice_themes", "n.day", "n.change_id"])
    .where("n.org_id", "=", orgId)
    .where("n.outbox_id", "is", null)
    .where("n.day", "<", day)
    .orderBy("n.email")
    .orderBy("c.decided_at")
    .orderBy("c.id")
    .execute();
  return rows.map((r) => ({
    changeId: r.change_id,
    email: r.email,
    name: r.name,
    lang: r.lang,
    themes: JSON.parse(r.notice_themes) as string[],
    day: r.day,
    change: changeOf(r),
  }));
}

/** The notices of one person now carried by a mail. */
export async function markNoticesQueued(
  store: Store,
  orgId: string,
  email: string,
  changeIds: readonly string[],
  outboxId: number,
): Promise<void> {
  await typed(store.db)
    .updateTable("theme_change_notices")
    .set({ outbox_id: outboxId })
    .where("org_id", "=", orgId)
    .where("email", "=", email)
    .where("change_id", "in", [...changeIds])
    .where("outbox_id", "is", null)
    .execute();
}

/** The organizations with notices waiting (the daily loop visits only those). */
export async function orgsWithPendingNotices(store: Store): Promise<string[]> {
  const rows = await typed(store.db)
    .selectFrom("theme_change_notices")
    .select("org_id")
    .distinct()
    .where("outbox_id", "is", null)
    .execute();
  return rows.map((r) => r.org_id);
}

/**
 * Every customer record as it stands at `asOf` (corrections applied): who wrote a feedback,
 * their address, language, and the `opt_out` field a survey opt-out writes.
 */
export async function customerRecordsAsOf(
  store: Store,
  orgId: string,
  asOf: number,
): Promise<CustomerFact[]> {
  const rows = await store.db
    .selectFrom("facts")
    .select(["type", "id", "at", "customer", "data"])
    .where("org", "=", orgKey(orgId))
    .where("type", "=", sql.lit("customer"))
    .where("at", "<=", new Date(asOf).toISOString())
    .orderBy("seq")
    .execute();
  return applyCorrections(rows.map((row) => decodeFact(row) as CustomerFact)) as CustomerFact[];
}
