/**
 * `comptoir export` and the download of the web app: the organization's ledger in the import
 * format (spec section 1, section 5 for the command), as text produced a chunk at a time from
 * the store's rows, never the whole ledger in memory. JSON lines: one file, every type,
 * customers first (the order of FACT_TYPES: a record before the facts that name it), each
 * type in order of arrival, so that corrections of the same date still apply in the same
 * order once imported. CSV: one file per type.
 */
import type { Charter } from "../../domain/charter.ts";
import { cellText, csvRecord } from "../../domain/csv-cells.ts";
import {
  exportColumns,
  exportFact,
  moneyFields,
  type StoredFactRow,
  unknownFieldNames,
} from "../../domain/fact-export.ts";
import { FACT_TYPES, type FactType } from "../../domain/facts.ts";
import {
  FIELDS_WITH_FRENCH_VALUES,
  FRENCH_TYPE_WORDS,
  frenchColumn,
  frenchWord,
} from "../../domain/import-french.ts";
import { minorDigits } from "../../domain/money.ts";
import { getCharter } from "../../store/charter-repository.ts";
import type { Store } from "../../store/database.ts";
import { countFactsByType, streamFactRows } from "../../store/fact-export-rows.ts";
import { lastFactSeq } from "../../store/fact-repository.ts";

export type ExportFormat = "jsonl" | "csv";

/** What one export reads: fixed when it starts. */
export interface ExportPlan {
  orgId: string;
  charter: Charter;
  /** Decimals of the charter currency. */
  digits: number;
  /** The types to write, in the order an import reads best. */
  types: string[];
  /** Facts recorded later than this are not exported (they came after the export started). */
  untilSeq: number;
  /** Facts of each type in the plan (0 for a type without any). */
  counts: Record<string, number>;
}

/**
 * @example const plan = await planExport(store, org.id, ["order"]);
 */
export async function planExport(
  store: Store,
  orgId: string,
  types?: readonly string[],
): Promise<ExportPlan> {
  const untilSeq = await lastFactSeq(store, orgId);
  const stored = await countFactsByType(store, orgId, untilSeq);
  const known: readonly string[] = FACT_TYPES;
  // Types this version does not know (none from an import) still go out, after the others.
  const others = [...stored.keys()].filter((t) => !known.includes(t)).sort();
  const chosen = types
    ? [...known, ...others].filter((t) => types.includes(t))
    : [...known, ...others];
  const charter = await getCharter(store, orgId);
  return {
    orgId,
    charter,
    digits: minorDigits(charter.currency),
    types: chosen,
    untilSeq,
    counts: Object.fromEntries(chosen.map((t) => [t, stored.get(t) ?? 0])),
  };
}

/** The charter as `charter.json`: what `comptoir charter --from charter.json` reads back. */
export function charterFileText(charter: Charter): string {
  return `${JSON.stringify(charter, null, 2)}\n`;
}

/**
 * The JSON-lines export, a chunk of lines at a time (each chunk ends with a newline).
 * @example for await (const text of ledgerJsonl(store, plan)) out.write(text);
 */
export async function* ledgerJsonl(store: Store, plan: ExportPlan): AsyncGenerator<string> {
  for (const type of plan.types) {
    if (plan.counts[type] === 0) continue;
    for await (const rows of typeRows(store, plan, type)) {
      let text = "";
      for (const row of rows) text += `${JSON.stringify(exportFact(row, plan.digits))}\n`;
      yield text;
    }
  }
}

export interface CsvStyle {
  /** `;` in French (what French spreadsheets expect), `,` in English. */
  delimiter: string;
  /** Amounts written `12,50` rather than `12.50`. */
  decimalComma: boolean;
  /**
   * French file, column and value names (`commandes.csv`, `prix`, `réparation` as
   * `reparation`), which the import reads back (import-french.ts); asked for with `--lang fr`.
   */
  frenchNames?: boolean;
}

export function csvStyle(lang: "fr" | "en", frenchNames = false): CsvStyle {
  return lang === "fr"
    ? { delimiter: ";", decimalComma: true, frenchNames }
    : { delimiter: ",", decimalComma: false };
}

/**
 * One type's CSV file: a UTF-8 byte order mark (spreadsheets read accents right with it), the
 * header, then a record per fact. Read twice: once for the names of its unknown fields (the
 * header's last columns), once to write the rows.
 */
export async function* ledgerCsv(
  store: Store,
  plan: ExportPlan,
  type: string,
  style: CsvStyle,
): AsyncGenerator<string> {
  const unknown = new Set<string>();
  if (plan.counts[type] !== 0) {
    for await (const rows of typeRows(store, plan, type)) {
      for (const row of rows) for (const name of unknownFieldNames(row)) unknown.add(name);
    }
  }
  const columns = exportColumns(type, unknown);
  // In French, the spec's columns get their French names; unknown fields keep theirs.
  const known = new Set(exportColumns(type, []));
  const french = style.frenchNames === true && (FACT_TYPES as readonly string[]).includes(type);
  const header = french ? columns.map((c) => (known.has(c) ? frenchColumn(c) : c)) : columns;
  yield `\ufeff${csvRecord(header, style.delimiter)}`;
  if (plan.counts[type] === 0) return;
  const money = moneyFields(type);
  const worded = new Set(french ? columns.filter((c) => FIELDS_WITH_FRENCH_VALUES.has(c)) : []);
  for await (const rows of typeRows(store, plan, type)) {
    let text = "";
    for (const row of rows) {
      const line = exportFact(row, plan.digits);
      if (french) frenchLine(line, type as FactType, worded);
      const cells = columns.map((c) =>
        Object.hasOwn(line, c) ? cellText(line[c], money.has(c), style.decimalComma) : "",
      );
      text += csvRecord(cells, style.delimiter);
    }
    yield text;
  }
}

/** A line's type and enumerated values in French words (`client`, `matiere`). */
function frenchLine(line: Record<string, unknown>, type: FactType, worded: Set<string>): void {
  line.type = FRENCH_TYPE_WORDS[type];
  for (const field of worded) {
    const value = line[field];
    if (typeof value === "string") line[field] = frenchWord(type, field, value);
  }
}

function typeRows(store: Store, plan: ExportPlan, type: string): AsyncGenerator<StoredFactRow[]> {
  return streamFactRows(store, plan.orgId, { untilSeq: plan.untilSeq, type });
}
