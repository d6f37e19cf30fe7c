/**
 * What one import line may hold: a line of at most 1 MiB and text of at most 10,000
 * characters in any field, and never a NUL character (PostgreSQL cannot store one in text,
 * and no ledger value needs it). A line past a limit is refused by its number, like any bad
 * line; the reader skips the rest of an over-long line without holding it (docs/import.md).
 */

export interface ImportLimits {
  /** Bytes of one line (JSON lines) or one row (CSV, counted in characters). */
  lineBytes: number;
  /** Characters of one text value, at any depth (`disclosures[0].text`, unknown fields). */
  fieldChars: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { lineBytes: 1 << 20, fieldChars: 10_000 };

const count = (n: number) => n.toLocaleString("en-US");

/** The error of a line longer than the limit (its length when known). */
export function lineTooLong(
  limits: ImportLimits,
  bytes?: number,
): { field: string; reason: string } {
  const size = bytes === undefined ? "" : ` (${count(bytes)} bytes)`;
  return {
    field: "line",
    reason: `too long${size}: a line may hold at most ${count(limits.lineBytes)} bytes; split the record or shorten its texts`,
  };
}

/** Whether the text of a line (one line, no newline) is longer than the limit in UTF-8 bytes. */
export function textTooLong(text: string, limits: ImportLimits): number | undefined {
  // A character takes at most 3 bytes in UTF-8 (a surrogate pair, 2 units, takes 4).
  if (text.length * 3 <= limits.lineBytes) return undefined;
  const bytes = Buffer.byteLength(text, "utf8");
  return bytes > limits.lineBytes ? bytes : undefined;
}

/**
 * Each text of a raw line that breaks a limit, named by its path (`note`, `extra.comment`,
 * `disclosures[0].text`): a NUL character, or more than `fieldChars` characters. Keys are
 * checked too. At most one error per field.
 */
export function textProblems(
  raw: Record<string, unknown>,
  limits: ImportLimits,
): { field: string; reason: string }[] {
  const out: { field: string; reason: string }[] = [];
  const visit = (value: unknown, path: string) => {
    if (typeof value === "string") {
      const problem = textProblem(value, limits);
      if (problem) out.push({ field: path, reason: problem });
    } else if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) visit(item, `${path}[${i}]`);
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        const name = path ? `${path}.${key}` : key;
        const keyProblem = textProblem(key, limits);
        if (keyProblem) out.push({ field: safeName(name), reason: `field name ${keyProblem}` });
        else visit(item, name);
      }
    }
  };
  visit(raw, "");
  return out;
}

function textProblem(text: string, limits: ImportLimits): string | undefined {
  if (text.includes("\u0000")) return "must not contain a NUL character (U+0000)";
  if (text.length > limits.fieldChars) {
    return `too long (${count(text.length)} characters): at most ${count(limits.fieldChars)}`;
  }
  return undefined;
}

/** A field name fit to be shown: without NUL characters, cut at 60 characters. */
function safeName(name: string): string {
  const clean = name.replaceAll("\u0000", "\\0");
  return clean.length > 60 ? `${clean.slice(0, 60)}…` : clean;
}
