/**
 * Staged rows packed for the trip from a worker thread to the one that writes them: the
 * numbers of all rows in one typed array, their texts end to end in a few long strings, and
 * each text's length in another typed array. Posting that copies a few blocks of memory (the
 * arrays are even transferred), where an array of 13 values a row cost a serialized value
 * each, and a million strings for the receiving thread's garbage collector to copy while it
 * wrote them (1.1 s of 9.5 s of CPU for 1.3 million lines).
 */

/** Number columns first (`n`, `file`, `line`), then text columns, as in STAGE_COLUMNS. */
export const NUMBER_COLUMNS = 3;
export const TEXT_COLUMNS = 10;

export interface StagedRows {
  /** `NUMBER_COLUMNS` numbers a row. */
  numbers: Float64Array;
  /** `TEXT_COLUMNS` lengths a row, in UTF-16 code units; -1 for null. */
  lengths: Int32Array;
  /** The texts end to end, in row and column order, cut between texts into blocks. */
  blocks: string[];
}

/**
 * A block's length in characters, unless one text is longer: some 800 rows, and a string in
 * V8's large-object space, which the scavenger never copies.
 */
const BLOCK_CHARS = 128 * 1024;

/** Collects rows (`row`, then `TEXT_COLUMNS` calls of `text`), then packs them (`finish`). */
export class StagedRowsBuilder {
  rows = 0;
  private numbers = new Float64Array(NUMBER_COLUMNS * 1024);
  private lengths = new Int32Array(TEXT_COLUMNS * 1024);
  private texts = 0;
  private pieces: string[] = [];
  private chars = 0;
  private readonly blocks: string[] = [];

  row(n: number, file: number, line: number): void {
    if (this.rows * NUMBER_COLUMNS === this.numbers.length) this.grow();
    const at = this.rows * NUMBER_COLUMNS;
    this.numbers[at] = n;
    this.numbers[at + 1] = file;
    this.numbers[at + 2] = line;
    this.rows++;
  }

  text(value: string | null): void {
    if (value === null) {
      this.lengths[this.texts++] = -1;
      return;
    }
    // Closed before a text that would make it too long: a block is never longer than
    // BLOCK_CHARS, or than the one text in it (and so never longer than a string can be).
    if (this.chars + value.length > BLOCK_CHARS) this.closeBlock();
    this.lengths[this.texts++] = value.length;
    this.pieces.push(value);
    this.chars += value.length;
  }

  finish(): StagedRows {
    this.closeBlock();
    return {
      numbers: this.numbers.subarray(0, this.rows * NUMBER_COLUMNS),
      lengths: this.lengths.subarray(0, this.texts),
      blocks: this.blocks,
    };
  }

  /**
   * Joins the texts since the last block into one string: it is then one object for the
   * garbage collector, instead of thousands of small ones that the scavenger would copy for
   * as long as the part is being built.
   */
  private closeBlock(): void {
    if (this.pieces.length === 0) return;
    this.blocks.push(this.pieces.join(""));
    this.pieces = [];
    this.chars = 0;
  }

  private grow(): void {
    const numbers = new Float64Array(this.numbers.length * 2);
    numbers.set(this.numbers);
    this.numbers = numbers;
    const lengths = new Int32Array(this.lengths.length * 2);
    lengths.set(this.lengths);
    this.lengths = lengths;
  }
}

export function noStagedRows(): StagedRows {
  return { numbers: new Float64Array(0), lengths: new Int32Array(0), blocks: [] };
}

/** Reads the packed texts back in order, one `next()` per text column of each row. */
export class StagedTextReader {
  private k = 0;
  private block = 0;
  private at = 0;
  constructor(private readonly rows: StagedRows) {}

  next(): string | null {
    const length = this.rows.lengths[this.k++];
    if (length < 0) return null;
    const blocks = this.rows.blocks;
    // A text never straddles two blocks: one that does not fit is in the next one.
    while (this.at + length > blocks[this.block].length) {
      this.block++;
      this.at = 0;
    }
    const from = this.at;
    this.at = from + length;
    return blocks[this.block].substring(from, this.at);
  }
}

/** The ArrayBuffers to transfer with a postMessage of `rows`. */
export function stagedRowsTransfer(rows: StagedRows): ArrayBuffer[] {
  return [rows.numbers.buffer as ArrayBuffer, rows.lengths.buffer as ArrayBuffer];
}
