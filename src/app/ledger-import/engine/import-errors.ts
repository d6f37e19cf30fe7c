/**
 * The import's error list: the first 100 in file and line order, plus a count of all. The
 * messages of lines refused by the set-based checks are in problem-messages.ts.
 */

export interface ImportError {
  file: string;
  line: number;
  /** The spec's field (`amount`), and the reason in the spec's English. */
  field: string;
  reason: string;
  /** The column as the file names it (`montant`); `field` when the file uses the spec's. */
  column?: string;
  /** The reason in the import's language (import-messages.ts). */
  text?: string;
  /** The whole line as the owner reads it, in the import's language: `ligne 3 : montant : …`. */
  message?: string;
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

/** An error with its position in the whole import (file, then line). */
export type Ordered = ImportError & { n: number };

/** Keeps the first `max` errors by position (`n`) and counts them all. */
export class ErrorList {
  private items: Ordered[] = [];
  count = 0;
  /**
   * Lines in error, each counted once however many errors it has: a line's errors come
   * together (one part gives them all), and each other source gives one error per line.
   */
  lineCount = 0;
  private lastLine = -1;
  constructor(private readonly max: number) {}

  add(error: Ordered): void {
    this.count++;
    if (error.n !== this.lastLine) this.lineCount++;
    this.lastLine = error.n;
    this.items.push(error);
    if (this.items.length > this.max * 2) this.trim();
  }

  /** Errors counted but not listed (beyond the first `max` of a source). */
  addUncounted(k: number): void {
    this.count += k;
    // Each a line refused by the set-based checks, which give one problem per line.
    this.lineCount += k;
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
