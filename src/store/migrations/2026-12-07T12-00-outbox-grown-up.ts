import type { Kysely } from "kysely";
import { autoIncrementPrimaryKey, autoIncrementType, dialectOf } from "../dialect.ts";

// The outbox grows up (issue 16, item 7): an HTML body beside the text one; a deduplication
// key unique per organization (the same reminder or invoice is never queued twice); a
// Message-ID chosen when the mail is queued and sent as the header, so that a resend after a
// crash between the mail server's acceptance and our bookkeeping carries the same id; when the
// current attempt started (a claim found with it set means the previous attempt never
// finished: `interrupted` counts those); the ledger fact the mail becomes once the mail server
// has accepted it (a reminder); and attachments in a side table, either stored bytes or what
// to render when the mail is sent (a reminder's PDF letter).
// Never edit after it shipped: add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  const bytes = dialectOf(db) === "postgres" ? "bytea" : "blob";
  await db.schema.alterTable("outbox").addColumn("html", "text").execute();
  await db.schema.alterTable("outbox").addColumn("dedup_key", "text").execute();
  await db.schema.alterTable("outbox").addColumn("message_id", "text").execute();
  await db.schema.alterTable("outbox").addColumn("attempt_started_at", "text").execute();
  await db.schema
    .alterTable("outbox")
    .addColumn("interrupted", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("outbox").addColumn("on_sent", "text").execute();
  // NULL keys (most mails) never collide: both databases treat NULLs as distinct.
  await db.schema
    .createIndex("outbox_dedup")
    .unique()
    .on("outbox")
    .columns(["org_id", "dedup_key"])
    .execute();
  await db.schema
    .createTable("outbox_attachments")
    .addColumn("id", autoIncrementType(db), (c) => autoIncrementPrimaryKey(db, c))
    .addColumn("outbox_id", "bigint", (c) => c.notNull())
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("content", bytes)
    /** JSON `{kind, ...args}`: rendered when the mail is sent (app/mail/render-attachment.ts). */
    .addColumn("render", "text")
    .execute();
  await db.schema
    .createIndex("outbox_attachments_mail")
    .on("outbox_attachments")
    .column("outbox_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("outbox_attachments").execute();
  await db.schema.dropIndex("outbox_dedup").execute();
  for (const column of [
    "on_sent",
    "interrupted",
    "attempt_started_at",
    "message_id",
    "dedup_key",
    "html",
  ]) {
    await db.schema.alterTable("outbox").dropColumn(column).execute();
  }
}
