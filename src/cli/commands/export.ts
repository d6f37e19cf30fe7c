import {
  csvStyle,
  type ExportFormat,
  type ExportPlan,
  ledgerCsv,
  ledgerJsonl,
  planExport,
} from "../../app/ledger-export/export-ledger.ts";
import { exportTarget, writeExport } from "../../app/ledger-export/write-export.ts";
import { AppError } from "../../domain/errors.ts";
import { parseTypeList } from "../../domain/fact-export.ts";
import { FACT_TYPES } from "../../domain/facts.ts";
import type { CommandContext } from "../context.ts";
import { colourEnabled, type Io, renderTable, writeJson } from "../output.ts";

/** `comptoir export`: see the catalogue in ../commands.ts for its usage and options. */
export async function run(ctx: CommandContext): Promise<number> {
  const format = readFormat(ctx.string("format"));
  const types = readTypes(ctx.string("type"));
  const out = ctx.string("out");
  if (out === undefined && ctx.json) {
    throw new AppError(
      "USAGE",
      "--json: without --out the export itself goes to standard output; add --out <file or folder> to get a summary",
    );
  }
  const store = await ctx.store();
  const org = await ctx.organization();
  const lang = ctx.langOf(org);
  // French file and column names when asked for (`--lang fr`); by default the spec's names.
  const style = csvStyle(lang, ctx.parsed.values.lang === "fr");
  const started = performance.now();
  if (out === undefined) {
    const chosen = types ?? (format === "csv" ? [] : undefined);
    if (format === "csv" && chosen?.length !== 1) {
      throw new AppError(
        "USAGE",
        "--out: a CSV export is one file per type: name a folder with --out, or choose one type with --type to print it",
      );
    }
    const plan = await planExport(store, org.id, chosen);
    await pipe(
      ctx.io,
      format === "jsonl" ? ledgerJsonl(store, plan) : ledgerCsv(store, plan, plan.types[0], style),
    );
    return 0;
  }
  const plan = await planExport(store, org.id, types);
  const target = await exportTarget(out, format, plan.types);
  const written = await writeExport(store, plan, target, format, style);
  if (ctx.json) {
    writeJson(ctx.io, summary(plan, format, written.files, started));
    return 0;
  }
  const fr = lang === "fr";
  const rows = plan.types.map((t) => ({ t, n: plan.counts[t] ?? 0 }));
  ctx.io.stdout.write(
    renderTable(
      rows,
      [
        { title: "type", value: (r) => r.t },
        { title: fr ? "faits" : "facts", value: (r) => count(r.n, lang), align: "right" },
      ],
      colourEnabled(ctx.io),
    ),
  );
  const total = count(written.total, lang);
  ctx.io.stdout.write(
    fr
      ? `Export terminé : ${total} faits, dans ${written.files.join(", ")}.\n`
      : `Export done: ${total} facts, in ${written.files.join(", ")}.\n`,
  );
  return 0;
}

function count(n: number, lang: "fr" | "en"): string {
  return new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB").format(n);
}

function readFormat(value: string | undefined): ExportFormat {
  if (value === undefined || value === "jsonl") return "jsonl";
  if (value === "csv") return "csv";
  throw new AppError("USAGE", `--format: must be jsonl or csv (got "${value}")`);
}

function readTypes(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const parsed = parseTypeList(value);
  if ("unknown" in parsed) {
    throw new AppError(
      "USAGE",
      `--type: unknown type "${parsed.unknown}" (types: ${FACT_TYPES.join(", ")})`,
    );
  }
  if (parsed.types.length === 0) throw new AppError("USAGE", "--type: name at least one type");
  return parsed.types;
}

function summary(plan: ExportPlan, format: ExportFormat, files: string[], started: number) {
  return {
    format,
    files,
    counts: plan.counts,
    total: Object.values(plan.counts).reduce((a, b) => a + b, 0),
    elapsedMs: Math.round(performance.now() - started),
  };
}

/** Writes the chunks to standard output, waiting for "drain" when a reader is slow. */
async function pipe(io: Io, chunks: AsyncIterable<string>): Promise<void> {
  for await (const text of chunks) {
    const ok = io.stdout.write(text);
    if (ok === false && io.stdout.once) {
      await new Promise<void>((resolve) => io.stdout.once?.("drain", resolve));
    }
  }
}
