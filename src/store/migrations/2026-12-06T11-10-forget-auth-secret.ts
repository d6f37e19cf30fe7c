import { type Kysely, sql } from "kysely";

// The session signing secret no longer lives in the database (issue 15): a copy of the file
// was enough to forge a session cookie. It now comes from COMPTOIR_SECRET, or a file with
// 0600 permissions created on first start (src/http/auth/auth-secret.ts). The stored one is
// deleted, not moved: every copy of the database made until now holds it, so it must sign
// nothing any more. Everyone signs in again once.
// Never edit after it shipped: add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`delete from settings where key = 'auth_secret'`.execute(db);
}

export async function down(_db: Kysely<unknown>): Promise<void> {
  // Nothing to restore: the secret is gone on purpose.
}
