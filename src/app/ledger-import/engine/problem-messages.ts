/**
 * The messages of lines refused by the set-based checks (conflicts, unknown references).
 */
import type { Kysely } from "kysely";
import { orgKey } from "../../../store/org-key.ts";
import type { Database } from "../../../store/schema.ts";
import type { ImportConflict, Ordered } from "./import-errors.ts";
import { firstStaged, type StageProblem } from "./import-staging.ts";

/** Messages for refused staged lines; at most 100 rows, so the few lookups are cheap. */
export async function problemMessages(
  trx: Kysely<Database>,
  orgId: string,
  rows: StageProblem[],
  files: string[],
  strict: boolean,
): Promise<{ errors: Ordered[]; conflicts: ImportConflict[] }> {
  const errors: Ordered[] = [];
  const conflicts: ImportConflict[] = [];
  for (const row of rows) {
    const file = files[row.file];
    const at = { n: row.n, file, line: row.line };
    const [kind, customerCheck] = row.problem.split("_") as [string, string | undefined];
    if (kind === "conflict") {
      const other = customerCheck === "line" ? await firstStaged(trx, row.type, row.id) : undefined;
      const where = other ? { file: files[other.file], line: other.line } : ("stored" as const);
      conflicts.push({ file, line: row.line, type: row.type, id: row.id, with: where });
      const reason =
        where === "stored"
          ? `${row.type} "${row.id}" is already stored with different content`
          : `same type and id as line ${where.line}${where.file === file ? "" : ` of ${where.file}`}, with different content`;
      errors.push({ ...at, field: "id", reason });
      continue;
    }
    const ref =
      kind === "customer" ? row.customer : kind === "order" ? row.ref_order : row.ref_invoice;
    const refId = ref ?? "";
    if (customerCheck === "customer") {
      const owner = await ownerOf(trx, orgId, kind, refId);
      errors.push({
        ...at,
        field: kind,
        reason: `${kind} "${refId}" belongs to customer "${owner ?? "?"}", not "${row.customer}"`,
      });
      continue;
    }
    const staged = strict ? await firstStaged(trx, kind, refId) : undefined;
    const reason = staged
      ? `${kind} "${refId}" is not imported (line ${staged.line}${files[staged.file] === file ? "" : ` of ${files[staged.file]}`} is refused)`
      : `unknown ${kind} "${refId}"`;
    errors.push({ ...at, field: kind, reason });
  }
  return { errors, conflicts };
}

async function ownerOf(
  trx: Kysely<Database>,
  orgId: string,
  type: string,
  id: string,
): Promise<string | null | undefined> {
  const staged = await firstStaged(trx, type, id);
  if (staged?.customer) return staged.customer;
  const stored = await trx
    .selectFrom("facts")
    .select("customer")
    .where("org", "=", orgKey(orgId))
    .where("type", "=", type)
    .where("id", "=", id)
    .executeTakeFirst();
  return stored?.customer;
}
