/**
 * The `comptoir` command. Exit codes (spec section 5): 0 success, 1 bad input, 2 usage error.
 */
import { AppError, ERROR_CATALOGUE } from "../domain/errors.ts";
import { parseCommandLine } from "./args.ts";
import { COMMANDS } from "./commands.ts";
import { type Command, createContext } from "./context.ts";
import type { Io } from "./output.ts";

const GLOBAL_HELP = {
  fr: "Options globales (n'importe où sur la ligne) : --db <fichier ou postgres://...>, --org <slug>, --lang fr|en",
  en: "Global options (anywhere on the line): --db <file or postgres://...>, --org <slug>, --lang fr|en",
};

function help(lang: "fr" | "en", command?: Command): string {
  if (command)
    return `usage: comptoir ${command.usage}\n\n${command.summary[lang]}\n\n${GLOBAL_HELP[lang]}\n`;
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary[lang]}`);
  return `usage: comptoir <command> [options]\n\n${lines.join("\n")}\n\n${GLOBAL_HELP[lang]}\n`;
}

const defaultIo: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env };

export async function main(
  argv: string[],
  io: Io = defaultIo,
  now: () => number = Date.now,
): Promise<number> {
  let close: (() => Promise<void>) | undefined;
  try {
    const find = (name: string) => COMMANDS.find((c) => c.name === name);
    const anyOptions = Object.assign({}, ...COMMANDS.map((c) => c.options));
    const parsed = parseCommandLine(
      argv,
      (name) => (name === "help" ? {} : find(name)?.options),
      anyOptions,
    );
    const lang =
      parsed.values.lang === "en" || (!parsed.values.lang && io.env.LANG?.startsWith("en"))
        ? "en"
        : "fr";
    if (!parsed.command || parsed.command === "help" || parsed.values.help) {
      const topic = parsed.command === "help" ? parsed.positionals[0] : parsed.command;
      io.stdout.write(help(lang, topic ? find(topic) : undefined));
      // Help asked for is a success; a bare `comptoir` is a usage error.
      return parsed.command || parsed.values.help ? 0 : 2;
    }
    const command = find(parsed.command) as Command;
    const created = createContext(io, parsed, now);
    close = created.close;
    const run = await command.load();
    return await run(created.ctx);
  } catch (error) {
    if (error instanceof AppError) {
      io.stderr.write(`comptoir: ${error.message}\n`);
      return ERROR_CATALOGUE[error.code].exit;
    }
    io.stderr.write(`comptoir: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  } finally {
    await close?.();
  }
}
