/**
 * Command-line parsing: global options may stand anywhere on the line (spec section 5).
 * Each command declares the options it takes; anything else is a usage error (exit 2).
 */
import { parseArgs } from "node:util";
import { AppError } from "../domain/errors.ts";

export type OptionSpec = { type: "string" | "boolean"; multiple?: boolean; short?: string };

export const GLOBAL_OPTIONS = {
  db: { type: "string" },
  org: { type: "string" },
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies Record<string, OptionSpec>;

export const REPORT_OPTIONS = {
  json: { type: "boolean" },
  "as-of": { type: "string" },
} as const satisfies Record<string, OptionSpec>;

export interface Parsed {
  command: string | undefined;
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
}

/** Splits the command name from the rest, then parses all options of that command. */
export function parseCommandLine(
  argv: string[],
  commandOptions: (command: string) => Record<string, OptionSpec> | undefined,
  anyOptions: Record<string, OptionSpec> = {},
): Parsed {
  // First pass: only to find the command word (the first positional); options that take a
  // value must be known here, or `--db x.sqlite charter` would read "x.sqlite" as the command.
  const loose = parseArgs({
    args: argv,
    options: { ...anyOptions, ...GLOBAL_OPTIONS },
    strict: false,
    allowPositionals: true,
  });
  const command = loose.positionals[0];
  const own = command ? commandOptions(command) : {};
  if (command && own === undefined) {
    throw new AppError("USAGE", `unknown command "${command}" (try: comptoir help)`);
  }
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...GLOBAL_OPTIONS, ...own },
      strict: true,
      allowPositionals: true,
    });
    return { command, positionals: positionals.slice(1), values };
  } catch (error) {
    throw new AppError(
      "USAGE",
      `${(error as Error).message.replace(/\. To specify.*$/s, "")} (try: comptoir help${command ? ` ${command}` : ""})`,
    );
  }
}

/**
 * Reads --as-of: a date means the end of that day (UTC), so facts of that day count;
 * a date-time with an offset is taken as is. Default: now. `option` names the option in the
 * error (`--calibration-end` reads the same way).
 */
export function parseAsOf(
  value: string | undefined,
  now: () => number = Date.now,
  option = "--as-of",
): number {
  if (value === undefined) return now();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const ms = Date.parse(`${value}T23:59:59.999Z`);
    if (!Number.isNaN(ms) && new Date(ms).toISOString().startsWith(value)) return ms;
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new AppError(
    "USAGE",
    `${option}: "${value}" is not a date (2026-03-01) or a date-time with offset (2026-03-01T18:00:00+01:00)`,
  );
}

export function parseLang(value: string | undefined, env: NodeJS.ProcessEnv): "fr" | "en" {
  const lang = value ?? env.COMPTOIR_LANG ?? (env.LANG?.startsWith("en") ? "en" : "fr");
  if (lang !== "fr" && lang !== "en")
    throw new AppError("USAGE", `--lang: must be fr or en (got "${lang}")`);
  return lang;
}
