/**
 * The organization's themes codebook (migration 2026-12-07T13-00-themes) and the feedback
 * facts themes are read from. No stored codebook = the default one.
 */
import { type Kysely, sql } from "kysely";
import { applyCorrections } from "../domain/corrections.ts";
import { decodeFact } from "../domain/fact-codec.ts";
import type { FeedbackFact } from "../domain/facts.ts";
import type { Codebook } from "../domain/themes/codebook.ts";
import { DEFAULT_CODEBOOK } from "../domain/themes/default-codebook.ts";
import type { Store } from "./database.ts";
import { orgKey } from "./org-key.ts";
import type { Database } from "./schema.ts";

export interface ThemeCodebookTable {
  org_id: string;
  data: string;
  updated_by: string;
  updated_at: string;
}
type Db = Kysely<Database & { theme_codebooks: ThemeCodebookTable }>;
const typed = (db: Kysely<Database>): Db =>
  db.withTables<{ theme_codebooks: ThemeCodebookTable }>();

export interface StoredCodebook {
  codebook: Codebook;
  /** False while the organization uses the default codebook untouched. */
  edited: boolean;
  updatedAt: string | null;
}

export async function getCodebook(store: Store, orgId: string): Promise<StoredCodebook> {
  const row = await typed(store.db)
    .selectFrom("theme_codebooks")
    .select(["data", "updated_at"])
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  if (!row) return { codebook: structuredClone(DEFAULT_CODEBOOK), edited: false, updatedAt: null };
  return { codebook: JSON.parse(row.data) as Codebook, edited: true, updatedAt: row.updated_at };
}

/** Replaces the codebook (validated by the caller). */
export async function saveCodebook(
  store: Store,
  orgId: string,
  codebook: Codebook,
  by: string,
  at: number,
): Promise<void> {
  const data = JSON.stringify(codebook);
  const updated_at = new Date(at).toISOString();
  await typed(store.db)
    .insertInto("theme_codebooks")
    .values({ org_id: orgId, data, updated_by: by, updated_at })
    .onConflict((oc) => oc.column("org_id").doUpdateSet({ data, updated_by: by, updated_at }))
    .execute();
}

/** Every feedback fact dated on or before `asOf`, corrections applied. */
export async function listFeedback(
  store: Store,
  orgId: string,
  asOf: number,
): Promise<FeedbackFact[]> {
  const rows = await store.db
    .selectFrom("facts")
    .select(["type", "id", "at", "customer", "data"])
    .where("org", "=", orgKey(orgId))
    .where("type", "=", sql.lit("feedback"))
    .where("at", "<=", new Date(asOf).toISOString())
    .orderBy("seq")
    .execute();
  return applyCorrections(rows.map((row) => decodeFact(row) as FeedbackFact));
}
