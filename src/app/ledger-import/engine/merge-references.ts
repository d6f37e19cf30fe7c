/**
 * The `merged_into` of customer lines (docs/customers.md): a merge names the customer it is
 * merged into, which must be in the import or stored, and not the customer itself. Merges are
 * few (one line per merge made in the app), so each target is looked up on its own.
 */
import { type Kysely, sql } from "kysely";
import { orgKey } from "../../../store/org-key.ts";
import type { Database } from "../../../store/schema.ts";
import type { Ordered } from "./import-errors.ts";
import type { MergeReference } from "./import-rows.ts";
import { STAGE } from "./import-staging.ts";

/** The errors of merges whose target is missing; their lines are left out of the import. */
export async function checkMerges(
  trx: Kysely<Database>,
  orgId: string,
  merges: MergeReference[],
): Promise<Ordered[]> {
  const errors: Ordered[] = [];
  for (const merge of merges) {
    const reason =
      merge.into === merge.id
        ? "a customer cannot be merged into itself"
        : (await customerKnown(trx, orgId, merge.into))
          ? null
          : `unknown customer "${merge.into}"`;
    if (reason === null) continue;
    errors.push({ n: merge.n, file: merge.file, line: merge.line, field: "merged_into", reason });
    // Already reported here: the reference checks and the publication pass over it.
    await sql`UPDATE ${sql.raw(STAGE)} SET problem = 'invalid' WHERE n = ${merge.n}`.execute(trx);
  }
  return errors;
}

async function customerKnown(trx: Kysely<Database>, orgId: string, id: string): Promise<boolean> {
  const { rows } = await sql<{ found: number }>`
    SELECT 1 AS found FROM ${sql.raw(STAGE)} WHERE type = 'customer' AND id = ${id}
    UNION ALL
    SELECT 1 AS found FROM facts WHERE org = ${orgKey(orgId)} AND type = 'customer' AND id = ${id}
    LIMIT 1`.execute(trx);
  return rows.length > 0;
}
