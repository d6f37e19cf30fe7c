/**
 * The import's error list (the first 100 in file and line order, plus a count of all) and
 * the messages of lines refused by the set-based checks (conflicts, unknown references).
 */
import type { Kysely } from "kysely";
import { orgKey } from "../../../store/org-key.ts";
import type { Database } from "../../../store/schema.ts";
import { firstStaged, type StageProblem } from "./import-staging.ts";

export interface ImportError {
  file: string;
  line: number;
  field: string;
  reason: string;
}

/** Same type and id as another line or a stored fact, with different content. */
export interface ImportConflict {
  file: string;
  line: number;
  type: string;
  id: string;
  /** The other line, or "stored" when the fact is already in the store. */
  with: { file: string; line: number } | "stored";
}

type Ordered = ImportError & { n: number };

/** Keeps the first `max` errors by position (`n`) and counts them all. */
export class ErrorList {
  private items: Ordered[] = [];
  count = 0;
  constructor(private readonly max: number) {}

  add(error: Ordered): void {
    this.count++;
    this.items.push(error);
    if (this.items.length > this.max * 2) this.trim();
  }

  /** Errors counted but not listed (beyond the first `max` of a source). */
  addUncounted(k: number): void {
    this.count += k;
  }

  list(): ImportError[] {
    this.trim();
    return this.items.map(({ n: _n, ...e }) => e);
  }

  private trim(): void {
    this.items.sort((a, b) => a.n - b.n);
    this.items.length = Math.min(this.items.length, this.max);
  }
}

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
