/** Terminal output: aligned tables, colour only on a terminal, a progress bar on stderr. */
export interface Io {
  /** `once("drain")` when it has one: writeJsonArray then waits for a slow reader. */
  stdout: {
    /** Text, or bytes for a file written to stdout (`comptoir invoice pdf`). */
    write(s: string | Uint8Array): unknown;
    isTTY?: boolean;
    once?(event: "drain", f: () => void): unknown;
  };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export function colourEnabled(io: Io): boolean {
  return Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && io.env.TERM !== "dumb";
}

const CODES = {
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  grey: 90,
  bold: 1,
} as const;
export type Colour = keyof typeof CODES;

export function paint(text: string, colour: Colour | undefined, enabled: boolean): string {
  return enabled && colour ? `\x1b[${CODES[colour]}m${text}\x1b[0m` : text;
}

export interface Column<T> {
  title: string;
  value: (row: T) => string;
  align?: "left" | "right";
  colour?: (row: T) => Colour | undefined;
}

/** Renders rows as a table with aligned columns (widths measured before colouring). */
export function renderTable<T>(rows: T[], columns: Column<T>[], colour: boolean): string {
  const cells = rows.map((row) => columns.map((c) => c.value(row)));
  const widths = columns.map((c, i) =>
    Math.max(c.title.length, ...cells.map((r) => [...r[i]].length)),
  );
  const pad = (text: string, i: number) => {
    const gap = " ".repeat(widths[i] - [...text].length);
    return columns[i].align === "right" ? gap + text : text + gap;
  };
  const header = columns.map((c, i) => paint(pad(c.title, i), "bold", colour)).join("  ");
  const lines = cells.map((r, ri) =>
    r
      .map((text, i) => paint(pad(text, i), columns[i].colour?.(rows[ri]), colour))
      .join("  ")
      .trimEnd(),
  );
  return `${[header.trimEnd(), ...lines].join("\n")}\n`;
}

/** A progress bar redrawn in place on a terminal; silent elsewhere. */
export function progressBar(
  io: Io,
  label: string,
): { update(done: number, total: number): void; end(): void } {
  if (!io.stderr.isTTY) return { update() {}, end() {} };
  let last = -1;
  return {
    update(done, total) {
      const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
      if (pct === last) return;
      last = pct;
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      io.stderr.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${pct}%`);
    },
    end() {
      if (last >= 0) io.stderr.write("\n");
    },
  };
}

export function writeJson(io: Io, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Items a JSON.stringify in writeJsonArray: some 250 KB of scorecards at a time. */
const JSON_BATCH = 500;

/**
 * Prints `items` (each through `map`) exactly as writeJson prints the mapped array, text for
 * text, but made and written a batch at a time: 100,000 scorecards are some 50 MB of JSON,
 * which is then never one string, nor 100,000 objects alive at once. Waits for "drain" when
 * stdout asks to (a pipe read slowly).
 * @example await writeJsonArray(ctx.io, scorecards, (c) => presentScorecard(c, charter))
 */
export async function writeJsonArray<T>(
  io: Io,
  items: readonly T[],
  map: (item: T) => unknown,
): Promise<void> {
  if (items.length === 0) {
    io.stdout.write("[]\n");
    return;
  }
  for (let start = 0; start < items.length; start += JSON_BATCH) {
    const batch = items.slice(start, start + JSON_BATCH).map(map);
    // JSON.stringify of an array with indent 2 is "[\n" + the items, each indented by two
    // spaces and separated by ",\n", + "\n]": the batches' middles, joined the same way.
    const text = JSON.stringify(batch, null, 2);
    const middle = text.slice(2, -2);
    const end = start + JSON_BATCH >= items.length ? "\n]\n" : ",\n";
    const ok = io.stdout.write(`${start === 0 ? "[\n" : ""}${middle}${end}`);
    if (ok === false && io.stdout.once) {
      await new Promise<void>((resolve) => io.stdout.once?.("drain", resolve));
    }
  }
}
