import { AppError } from "../domain/errors.ts";
import type { Store } from "../store/database.ts";
import type { Organization } from "../store/organization-repository.ts";
import { type OptionSpec, type Parsed, parseAsOf, parseLang } from "./args.ts";
import type { Io } from "./output.ts";

export const DEFAULT_ORG = "default";

export interface CommandContext {
  io: Io;
  parsed: Parsed;
  /** --lang, else COMPTOIR_LANG, else LANG (for what is said before an organization is known). */
  lang: "fr" | "en";
  /**
   * The language of a report on `org`: --lang when given, else the organization's own
   * language (spec section 3: messages in the organization's language), else `lang`.
   */
  langOf(org: Organization): "fr" | "en";
  /** Opens the store once per command; closed by main() afterwards. */
  store(): Promise<Store>;
  /** The --org organization; `default` is created on first use, others must exist. */
  organization(options?: { create?: boolean; fallback?: string }): Promise<Organization>;
  asOf(): number;
  json: boolean;
  string(name: string): string | undefined;
}

export interface Command {
  name: string;
  usage: string;
  summary: { fr: string; en: string };
  options: Record<string, OptionSpec>;
  /** Imports the command's code, only when it runs. */
  load(): Promise<(ctx: CommandContext) => Promise<number>>;
}

export function createContext(io: Io, parsed: Parsed, now: () => number) {
  let opened: Promise<Store> | undefined;
  const lang = parseLang(parsed.values.lang as string | undefined, io.env);
  const ctx: CommandContext = {
    io,
    parsed,
    lang,
    langOf: (org) =>
      parsed.values.lang === undefined && (org.lang === "fr" || org.lang === "en")
        ? org.lang
        : lang,
    json: parsed.values.json === true,
    string: (name) => {
      const v = parsed.values[name];
      return typeof v === "string" ? v : undefined;
    },
    store: () => {
      // Loaded on first use: `comptoir --help` never loads a database driver.
      opened ??= import("../store/database.ts").then(({ openStore, resolveDatabaseUrl }) =>
        openStore(resolveDatabaseUrl(ctx.string("db"), io.env)),
      );
      return opened;
    },
    organization: async ({ create = false, fallback } = {}) => {
      const slug = ctx.string("org") ?? fallback ?? DEFAULT_ORG;
      const store = await ctx.store();
      const { ensureOrganization, getOrganization } = await import(
        "../store/organization-repository.ts"
      );
      return create || slug === DEFAULT_ORG
        ? ensureOrganization(store, slug)
        : getOrganization(store, slug);
    },
    asOf: () => parseAsOf(ctx.string("as-of"), now),
  };
  const close = async () => {
    if (opened) await (await opened.catch(() => undefined))?.close();
  };
  return { ctx, close };
}

export function requirePositionals(ctx: CommandContext, min: number, what: string): string[] {
  if (ctx.parsed.positionals.length < min) throw new AppError("USAGE", `missing ${what}`);
  return ctx.parsed.positionals;
}
