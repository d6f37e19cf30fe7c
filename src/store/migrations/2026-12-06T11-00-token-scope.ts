import { type Kysely, sql } from "kysely";

// API tokens are scoped to one organization and a role, and expire (issue 15): `org_id`,
// `role` and `expires_at` (ISO time). A token created before this migration carried every
// organization and role of its user: it is scoped to the user's only organization, with their
// role there, expiring 90 days from now; the tokens of a user with several organizations (or
// none) cannot be scoped without guessing and are removed (CHANGELOG.md says so).
// The columns stay nullable (SQLite adds no NOT NULL column without a default); the
// repository always writes them, and a token without them is refused.
// Never edit after it shipped: add a new migration instead.
const DAY_MS = 24 * 60 * 60 * 1000;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("api_tokens").addColumn("org_id", "text").execute();
  await db.schema.alterTable("api_tokens").addColumn("role", "text").execute();
  await db.schema.alterTable("api_tokens").addColumn("expires_at", "text").execute();
  await db.schema
    .createIndex("api_tokens_org_user")
    .on("api_tokens")
    .columns(["org_id", "user_id"])
    .execute();

  const expiresAt = new Date(Date.now() + 90 * DAY_MS).toISOString();
  const tokens = await sql<{ id: string; user_id: string }>`
    select id, user_id from api_tokens`.execute(db);
  for (const token of tokens.rows) {
    const memberships = await sql<{ org_id: string; role: string }>`
      select org_id, role from memberships where user_id = ${token.user_id}`.execute(db);
    const only = memberships.rows.length === 1 ? memberships.rows[0] : undefined;
    if (only) {
      await sql`update api_tokens set org_id = ${only.org_id}, role = ${only.role},
        expires_at = ${expiresAt} where id = ${token.id}`.execute(db);
    } else {
      await sql`delete from api_tokens where id = ${token.id}`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("api_tokens_org_user").execute();
  await db.schema.alterTable("api_tokens").dropColumn("expires_at").execute();
  await db.schema.alterTable("api_tokens").dropColumn("role").execute();
  await db.schema.alterTable("api_tokens").dropColumn("org_id").execute();
}
