/**
 * The import's staging table: every line read goes into a temporary table inside the import's
 * transaction, in batches; duplicates, conflicts and references are then resolved with a few
 * set-based statements, and the accepted rows go into `facts` with one INSERT ... SELECT.
 * Nothing of the file is held in memory, and a kill at any point leaves the store untouched.
 */
import { CompiledQuery, type Kysely, sql } from "kysely";
import { FACT_TYPES, type FactType } from "../../../domain/facts.ts";
import type { DialectName } from "../../../store/dialect.ts";
import {
  type ImportInput,
  setIndexesAside,
  sqliteHandle,
  tuneSqliteForImport,
} from "../../../store/import-sqlite.ts";
import { ensureOrgKey, orgKey } from "../../../store/org-key.ts";
import type { Database } from "../../../store/schema.ts";
import { STAGE_COLUMNS } from "./import-rows.ts";
import type { ReferenceTally } from "./reference-tally.ts";
import { NUMBER_COLUMNS, type StagedRows, StagedTextReader } from "./staged-rows.ts";

export const STAGE = "import_stage";

const COLUMNS = STAGE_COLUMNS;
const [TYPE, ID, CUSTOMER, REF_ORDER, REF_INVOICE] = (
  ["type", "id", "customer", "ref_order", "ref_invoice"] as const
).map((c) => COLUMNS.indexOf(c));
const INT_COLUMNS = new Set(["n", "file", "line"]);

/** SQLite only: settings for the length of an import (see store/import-sqlite.ts). */
export async function tuneForImport(
  db: Kysely<Database>,
  dialect: DialectName,
  input: ImportInput,
): Promise<() => Promise<void>> {
  return dialect === "sqlite" ? tuneSqliteForImport(db, input) : async () => {};
}

export async function createStage(trx: Kysely<Database>, dialect: DialectName): Promise<void> {
  // On SQLite, n (the position in the import) is the rowid: lookups by n cost nothing, and
  // the index on type and id covers the duplicate search.
  const type = (c: string) =>
    c === "n" && dialect === "sqlite"
      ? "integer primary key"
      : INT_COLUMNS.has(c)
        ? "integer"
        : "text";
  const cols = COLUMNS.map((c) => `${c} ${type(c)}`).join(", ");
  if (dialect === "sqlite") {
    await sql.raw(`DROP TABLE IF EXISTS temp.${STAGE}`).execute(trx);
    await sql.raw(`CREATE TEMP TABLE ${STAGE} (${cols}, state text)`).execute(trx);
  } else {
    await sql.raw(`CREATE TEMP TABLE ${STAGE} (${cols}, state text) ON COMMIT DROP`).execute(trx);
  }
}

/** Writes staged rows: `rows` rows, packed (see staged-rows.ts). */
export type StageWriter = (values: StagedRows, rows: number) => Promise<void>;

/**
 * Rows per INSERT on SQLite: each run of a statement has a cost of its own (step, reset, the
 * result object), and 16 rows a run write the stage some 30% faster than one.
 */
const ROWS_PER_INSERT = 16;

/** The stage's writer, within the import's transaction `trx`. */
export async function stageWriter(
  trx: Kysely<Database>,
  dialect: DialectName,
  tally?: ReferenceTally,
): Promise<StageWriter> {
  const target = `INSERT INTO ${STAGE} (${COLUMNS.join(", ")})`;
  const width = COLUMNS.length;
  if (dialect === "postgres") {
    const arrays = COLUMNS.map((c, i) => `$${i + 1}::${INT_COLUMNS.has(c) ? "int" : "text"}[]`);
    const text = `${target} SELECT * FROM unnest(${arrays.join(", ")})`;
    return async (values, rows) => {
      if (rows === 0) return;
      const params = COLUMNS.map(() => new Array(rows));
      const { numbers } = values;
      const texts = new StagedTextReader(values);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < NUMBER_COLUMNS; c++) params[c][r] = numbers[r * NUMBER_COLUMNS + c];
        for (let c = NUMBER_COLUMNS; c < width; c++) params[c][r] = texts.next();
      }
      await trx.executeQuery(CompiledQuery.raw(text, params));
    };
  }
  const handle = await sqliteHandle(trx);
  const row = `(${COLUMNS.map(() => "?").join(", ")})`;
  const insertOne = handle.prepare(`${target} VALUES ${row}`);
  const insertMany = handle.prepare(
    `${target} VALUES ${Array.from({ length: ROWS_PER_INSERT }, () => row).join(", ")}`,
  );
  const many: unknown[] = new Array(ROWS_PER_INSERT * width);
  const one: unknown[] = new Array(width);
  return async (values, rows) => {
    const numbers = values.numbers;
    const texts = new StagedTextReader(values);
    const fill = (args: unknown[], from: number, r: number) => {
      const k = r * NUMBER_COLUMNS;
      args[from] = numbers[k];
      args[from + 1] = numbers[k + 1];
      args[from + 2] = numbers[k + 2];
      for (let c = from + NUMBER_COLUMNS; c < from + width; c++) args[c] = texts.next();
      tally?.line(
        args[from + TYPE] as string,
        args[from + ID] as string,
        args[from + CUSTOMER] as string | null,
        args[from + REF_ORDER] as string | null,
        args[from + REF_INVOICE] as string | null,
      );
    };
    let r = 0;
    for (; r + ROWS_PER_INSERT <= rows; r += ROWS_PER_INSERT) {
      for (let i = 0; i < ROWS_PER_INSERT; i++) fill(many, i * width, r + i);
      insertMany.run(...many); // spread: better-sqlite3 binds arguments faster than an array
    }
    for (; r < rows; r++) {
      fill(one, 0, r);
      insertOne.run(...one);
    }
  };
}

/**
 * Indexes the staged rows once they are all in (faster than indexing while inserting). With
 * `problem` and `state` in it, the index also covers the counts (stageCounts reads it, not
 * the table: 0.4 s instead of 3 s for 1.3 million lines).
 */
export async function indexStage(trx: Kysely<Database>, dialect: DialectName): Promise<void> {
  await sql
    .raw(`CREATE INDEX ${STAGE}_type_id ON ${STAGE} (type, id, customer, problem, state)`)
    .execute(trx);
  // Autovacuum never analyzes temporary tables: without statistics PostgreSQL plans blind.
  if (dialect === "postgres") await sql.raw(`ANALYZE ${STAGE}`).execute(trx);
}

const affected = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0n);

/**
 * Same type+id more than once in the import: later copies with the same content are
 * duplicates (`state = 'dup'`), with other content conflicts against the first copy.
 */
export async function markDuplicates(trx: Kysely<Database>, dialect: DialectName): Promise<void> {
  const dups = `${STAGE}_dups`;
  if (dialect === "sqlite") await sql.raw(`DROP TABLE IF EXISTS temp.${dups}`).execute(trx);
  const create =
    dialect === "sqlite" ? `CREATE TEMP TABLE ${dups}` : `CREATE TEMP TABLE ${dups} ON COMMIT DROP`;
  await sql
    .raw(`${create} AS SELECT d.type, d.id, d.first_n, f.hash AS first_hash FROM
      (SELECT type, id, min(n) AS first_n FROM ${STAGE} WHERE problem IS NULL
       GROUP BY type, id HAVING count(*) > 1) d JOIN ${STAGE} f ON f.n = d.first_n`)
    .execute(trx);
  const { rows } = await sql.raw<{ n: number }>(`SELECT count(*) AS n FROM ${dups}`).execute(trx);
  if (Number(rows[0]?.n ?? 0) === 0) return;
  await sql.raw(`CREATE INDEX ${dups}_type_id ON ${dups} (type, id)`).execute(trx);
  const first = (col: string) =>
    sql.raw(`(SELECT d.${col} FROM ${dups} d WHERE d.type = s.type AND d.id = s.id)`);
  await sql`UPDATE ${sql.raw(STAGE)} AS s
    SET state = CASE WHEN s.hash = ${first("first_hash")} THEN 'dup' ELSE s.state END,
        problem = CASE WHEN s.hash = ${first("first_hash")} THEN s.problem ELSE 'conflict_line' END
    WHERE s.problem IS NULL AND s.n > ${first("first_n")}
      AND (s.type, s.id) IN (SELECT type, id FROM ${sql.raw(dups)})`.execute(trx);
}

/** Whether the organization has any fact yet (a first import has nothing to compare with). */
export async function hasStoredFacts(trx: Kysely<Database>, orgId: string): Promise<boolean> {
  const any = await trx
    .selectFrom("facts")
    .select("seq")
    .where("org", "=", orgKey(orgId))
    .limit(1)
    .executeTakeFirst();
  return any !== undefined;
}

/**
 * Lines already stored: same content → unchanged; other content → conflict. The stage drives
 * the join (CROSS JOIN keeps SQLite's order: each line probes the facts' unique index); joined
 * directly, SQLite scanned every fact of the organization, 300 ms for a one-line import into
 * 270,000 facts.
 */
export async function markStored(trx: Kysely<Database>, orgId: string): Promise<void> {
  await sql`UPDATE ${sql.raw(STAGE)} AS s
    SET state = CASE WHEN f.hash = s.hash THEN 'unchanged' ELSE s.state END,
        problem = CASE WHEN f.hash = s.hash THEN s.problem ELSE 'conflict_stored' END
    FROM ${sql.raw(STAGE)} AS line CROSS JOIN facts f
    WHERE line.n = s.n AND f.org = ${orgKey(orgId)} AND f.type = line.type AND f.id = line.id
      AND s.problem IS NULL AND s.state IS NULL`.execute(trx);
}

const REFS = [
  { problem: "customer", column: "customer", type: "customer" },
  { problem: "order", column: "ref_order", type: "order" },
  { problem: "invoice", column: "ref_invoice", type: "invoice" },
] as const;

type Ref = (typeof REFS)[number];

/** Whether the reference of `s` is found: in the import (`live`: only lines not refused), or stored. */
function refFound(ref: Ref, orgId: string, stored: boolean, live: string, sameCustomer: boolean) {
  const inStage = sql.raw(`EXISTS (SELECT 1 FROM ${STAGE} r WHERE r.type = '${ref.type}'
    AND r.id = s.${ref.column} ${live}
    ${sameCustomer ? "AND (r.customer = s.customer OR r.customer IS NULL)" : ""})`);
  if (!stored) return inStage;
  const inStore = sql`EXISTS (SELECT 1 FROM facts f WHERE f.org = ${orgKey(orgId)} AND f.type = ${ref.type}
    AND f.id = ${sql.raw(`s.${ref.column}`)} ${sameCustomer ? sql`AND f.customer = s.customer` : sql``})`;
  return sql`(${inStage} OR ${inStore})`;
}

/**
 * Marks lines whose customer, order or invoice is neither in the import nor stored for this
 * organization (`stored`: whether it has any fact), and lines whose order or invoice belongs
 * to another customer. With `strict` (partial imports), a reference to a line that will not
 * be imported does not count, and the check repeats until nothing changes (an order rejected
 * takes its payments with it). Without it, a reference to a line that has errors of its own
 * counts as found: fixing that line fixes both, so the report lists only the root cause.
 */
export async function markReferences(
  trx: Kysely<Database>,
  orgId: string,
  strict: boolean,
  stored: boolean,
): Promise<void> {
  if (!strict) {
    await markReferencesOnce(trx, orgId, stored);
    return;
  }
  for (let pass = 0; pass < 100; pass++) {
    let changed = 0;
    for (const ref of REFS) {
      const col = sql.raw(`s.${ref.column}`);
      const live = "AND r.problem IS NULL";
      const notSelf = ref.type === "customer" ? sql`AND s.type <> 'customer'` : sql``;
      changed += affected(
        await sql`UPDATE ${sql.raw(STAGE)} AS s SET problem = ${ref.problem}
          WHERE s.problem IS NULL AND ${col} IS NOT NULL ${notSelf}
            AND NOT ${refFound(ref, orgId, stored, live, false)}`.execute(trx),
      );
      if (ref.type !== "customer") {
        changed += affected(
          await sql`UPDATE ${sql.raw(STAGE)} AS s SET problem = ${`${ref.problem}_customer`}
            WHERE s.problem IS NULL AND ${col} IS NOT NULL
              AND NOT ${refFound(ref, orgId, stored, live, true)}`.execute(trx),
        );
      }
    }
    if (changed === 0) return;
  }
}

/**
 * The same checks in one pass over the stage: without `strict` no check depends on another's
 * outcome, so the first failing check of a line (customer, order, order's customer, invoice,
 * invoice's customer) is the problem the separate statements would have given it.
 */
async function markReferencesOnce(
  trx: Kysely<Database>,
  orgId: string,
  stored: boolean,
): Promise<void> {
  const [customer, order, invoice] = REFS;
  const found = (ref: Ref, same: boolean) => refFound(ref, orgId, stored, "", same);
  const owned = (ref: Ref) =>
    sql`WHEN ${sql.raw(`s.${ref.column}`)} IS NOT NULL AND NOT ${found(ref, true)}
      THEN CASE WHEN ${found(ref, false)} THEN ${`${ref.problem}_customer`} ELSE ${ref.problem} END`;
  const problem = sql`CASE
    WHEN s.customer IS NOT NULL AND s.type <> 'customer' AND NOT ${found(customer, false)}
      THEN ${customer.problem}
    ${owned(order)}
    ${owned(invoice)}
    END`;
  await sql`UPDATE ${sql.raw(STAGE)} AS s SET problem = ${problem}
    WHERE s.problem IS NULL AND ${problem} IS NOT NULL`.execute(trx);
}

/** Added and unchanged lines per type. */
export async function stageCounts(trx: Kysely<Database>): Promise<TypeCounts> {
  const { rows } = await sql<{
    type: string;
    added: number | string;
    unchanged: number | string;
  }>`
    SELECT type, sum(CASE WHEN state IS NULL THEN 1 ELSE 0 END) AS added,
      sum(CASE WHEN state IS NULL THEN 0 ELSE 1 END) AS unchanged
    FROM ${sql.raw(STAGE)} WHERE problem IS NULL GROUP BY type`.execute(trx);
  return typeCounts(rows);
}

export type TypeCounts = Record<string, { added: number; unchanged: number }>;

/** Rows of counts by type → the report's counts, in the order of FACT_TYPES. */
function typeCounts(
  rows: { type: string; added: number | string; unchanged: number | string }[],
): TypeCounts {
  const counts: TypeCounts = {};
  rows.sort(
    (a, b) => FACT_TYPES.indexOf(a.type as FactType) - FACT_TYPES.indexOf(b.type as FactType),
  );
  for (const r of rows) counts[r.type] = { added: Number(r.added), unchanged: Number(r.unchanged) };
  return counts;
}

/**
 * Copies the accepted new lines into `facts`, in file order (on SQLite the staging table's
 * rowid is that order and costs no sort; on PostgreSQL, `n`: the updates of the reference
 * checks move rows in the heap, and the order of arrival decides between two corrections of
 * the same date).
 * `adding`: about how many; many on SQLite rebuild the secondary indexes afterwards.
 */
export async function publishStage(
  trx: Kysely<Database>,
  dialect: DialectName,
  orgId: string,
  importId: string,
  createdAt: string,
  adding: number,
): Promise<void> {
  const key = await ensureOrgKey(trx, orgId);
  const restoreIndexes = dialect === "sqlite" ? await setIndexesAside(trx, adding) : async () => {};
  await copyStage(trx, dialect, key, importId, createdAt);
  await restoreIndexes();
}

/** The accepted new lines of the stage into `facts`, in file order. */
async function copyStage(
  trx: Kysely<Database>,
  dialect: DialectName,
  key: number,
  importId: string,
  createdAt: string,
): Promise<void> {
  await sql`INSERT INTO facts (org, type, id, at, at_offset, customer, data, hash, import_id, created_at)
    SELECT ${key}, type, id, at, at_offset, customer, data, hash, ${importId}, ${createdAt}
    FROM ${sql.raw(STAGE)} WHERE problem IS NULL AND state IS NULL
    ${sql.raw(dialect === "sqlite" ? "ORDER BY rowid" : "ORDER BY n")}`.execute(trx);
}

/**
 * A first import into an organization, on SQLite, with no line refused while reading and
 * every reference found (ReferenceTally): the lines go straight into `facts`, without the
 * index of the stage, the duplicate search and the reference checks of the general way (2.5 s
 * of 1.3 million lines). A line twice stops the copy (the unique constraint of `facts`):
 * everything since the savepoint is undone, the stage is as it was, and the import goes the
 * general way, which tells duplicates from conflicts and reports each line. Returns the
 * counts, or undefined when it went back.
 */
export async function publishFirstImport(
  trx: Kysely<Database>,
  orgId: string,
  importId: string,
  createdAt: string,
  adding: number,
): Promise<TypeCounts | undefined> {
  const key = await ensureOrgKey(trx, orgId);
  await sql.raw("SAVEPOINT first_import").execute(trx);
  try {
    const restoreIndexes = await setIndexesAside(trx, adding);
    await copyStage(trx, "sqlite", key, importId, createdAt);
    await restoreIndexes();
    const { rows } = await sql<{ type: string; added: number; unchanged: number }>`
      SELECT type, count(*) AS added, 0 AS unchanged FROM facts WHERE org = ${key}
      GROUP BY type`.execute(trx);
    await sql.raw("RELEASE first_import").execute(trx);
    return typeCounts(rows);
  } catch (error) {
    await sql.raw("ROLLBACK TO first_import").execute(trx);
    await sql.raw("RELEASE first_import").execute(trx);
    if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") return undefined;
    throw error;
  }
}

export interface StageProblem {
  n: number;
  file: number;
  line: number;
  type: string;
  id: string;
  customer: string | null;
  ref_order: string | null;
  ref_invoice: string | null;
  problem: string;
}

/** The first `limit` rejected lines (in file order) and how many there are. */
export async function stageProblems(
  trx: Kysely<Database>,
  limit: number,
): Promise<{ rows: StageProblem[]; total: number; conflicts: number }> {
  const { rows } = await sql<StageProblem>`
    SELECT n, file, line, type, id, customer, ref_order, ref_invoice, problem FROM ${sql.raw(STAGE)}
    WHERE problem IS NOT NULL AND problem <> 'invalid' ORDER BY n LIMIT ${limit}`.execute(trx);
  const { rows: count } = await sql<{ total: number | string; conflicts: number | string }>`
    SELECT count(*) AS total,
      coalesce(sum(CASE WHEN problem LIKE 'conflict%' THEN 1 ELSE 0 END), 0) AS conflicts
    FROM ${sql.raw(STAGE)} WHERE problem IS NOT NULL AND problem <> 'invalid'`.execute(trx);
  return {
    rows: rows.map((r) => ({ ...r, n: Number(r.n), file: Number(r.file), line: Number(r.line) })),
    total: Number(count[0]?.total ?? 0),
    conflicts: Number(count[0]?.conflicts ?? 0),
  };
}

/** The first staged line with this type and id (for messages), or undefined. */
export async function firstStaged(
  trx: Kysely<Database>,
  type: string,
  id: string,
): Promise<
  { file: number; line: number; customer: string | null; problem: string | null } | undefined
> {
  const { rows } = await sql<{
    file: number;
    line: number;
    customer: string | null;
    problem: string | null;
  }>`
    SELECT file, line, customer, problem FROM ${sql.raw(STAGE)}
    WHERE type = ${type} AND id = ${id} ORDER BY n LIMIT 1`.execute(trx);
  return rows[0]
    ? { ...rows[0], file: Number(rows[0].file), line: Number(rows[0].line) }
    : undefined;
}
