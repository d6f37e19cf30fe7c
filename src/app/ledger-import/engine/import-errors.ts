/**
 * The import's error list: the first 100 in file and line order, plus a count of all. The
 * messages of lines refused by the set-based checks are in problem-messages.ts.
 */

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

/** An error with its position in the whole import (file, then line). */
export type Ordered = ImportError & { n: number };

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
