/**
 * CSV cells as the export writes them and the import reads them back (docs/import.md,
 * "Formulas"). A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return as a formula (CSV injection); the export prefixes such a cell with `'`, which
 * spreadsheets show as text, and the import removes it. So that a text that really starts
 * with quotes before such a character also comes back as it was, the rule counts them:
 *
 * - export: a cell matching `^'*[=+\-@\t\r]` gets one more `'` in front;
 * - import: a cell matching `^'+[=+\-@\t\r]` loses its first `'`.
 *
 * Any other cell is left alone both ways (`'t Hooft` stays `'t Hooft`).
 */

const NEEDS_QUOTE = /^'*[=+\-@\t\r]/;
const QUOTED = /^'+[=+\-@\t\r]/;

/**
 * @example neutralizeCell("+33 6 12 34 56 78") // "'+33 6 12 34 56 78"
 */
export function neutralizeCell(text: string): string {
  return NEEDS_QUOTE.test(text) ? `'${text}` : text;
}

/**
 * The import's side of neutralizeCell: restoreCell(neutralizeCell(s)) === s for every s.
 * @example restoreCell("'=HYPERLINK(\"x\")") // '=HYPERLINK("x")'
 */
export function restoreCell(text: string): string {
  return QUOTED.test(text) ? text.slice(1) : text;
}

/**
 * One CSV field: neutralized, then quoted when it holds the delimiter, a quote or a line
 * break, or starts or ends with white space (the import trims unquoted cells only).
 * @example csvField('say "hi"', ";") // '"say ""hi"""'
 */
export function csvField(text: string, delimiter: string): string {
  const cell = neutralizeCell(text);
  if (
    cell.includes(delimiter) ||
    cell.includes('"') ||
    cell.includes("\n") ||
    cell.includes("\r") ||
    /^\s|\s$/.test(cell)
  ) {
    return `"${cell.replaceAll('"', '""')}"`;
  }
  return cell;
}

/** A CSV record, ended by CRLF (RFC 4180; what spreadsheets write). */
export function csvRecord(cells: readonly string[], delimiter: string): string {
  return `${cells.map((c) => csvField(c, delimiter)).join(delimiter)}\r\n`;
}

/**
 * The text of one value of an exported line in its CSV cell: numbers as written in JSON
 * (money with a decimal comma when `decimalComma`), objects and arrays as JSON, absent as "".
 */
export function cellText(value: unknown, money: boolean, decimalComma: boolean): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") {
    const text = String(value);
    return money && decimalComma ? text.replace(".", ",") : text;
  }
  if (typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
