import { importIntoOrganization } from "../../app/ledger-import/import-into-organization.ts";
import type { ImportReport } from "../../app/ledger-import/import-ledger.ts";
import { FACT_TYPES } from "../../domain/facts.ts";
import { type CommandContext, DEFAULT_ORG } from "../context.ts";
import { colourEnabled, progressBar, renderTable, writeJson } from "../output.ts";

/** `comptoir import`: see the catalogue in ../commands.ts for its usage and options. */
export async function run(ctx: CommandContext): Promise<number> {
  const files = ctx.parsed.positionals;
  if (files.length === 0) {
    ctx.io.stderr.write("comptoir: import: missing file (usage: comptoir import <file>...)\n");
    return 2;
  }
  const store = await ctx.store();
  const bar = progressBar(ctx.io, ctx.lang === "fr" ? "Import" : "Import");
  // Created with the import's facts, in its transaction: a refused import creates nothing.
  const { report } = await importIntoOrganization(store, ctx.string("org") ?? DEFAULT_ORG, {
    files,
    // --lang, else the organization's language, else (a new one) that of the terminal.
    lang: ctx.parsed.values.lang === undefined ? undefined : ctx.lang,
    fallbackLang: ctx.lang,
    allowPartial: ctx.parsed.values["allow-partial"] === true,
    onProgress: (done, total) => bar.update(done, total),
  });
  bar.end();
  printReport(ctx, report);
  return report.ok ? 0 : 1;
}

function printReport(ctx: CommandContext, report: ImportReport): void {
  if (ctx.json) {
    writeJson(ctx.io, report);
    return;
  }
  const fr = report.lang === "fr";
  for (const c of report.converted) {
    ctx.io.stderr.write(
      fr
        ? `${c.file} : fichier en ${c.from}, converti en UTF-8 avant l'import.\n`
        : `${c.file}: the file was in ${c.from}, converted to UTF-8 before importing.\n`,
    );
  }
  // Each bad line as the spec writes it (`line N: <field>: <reason>`); with `--lang` asked
  // for, in that language, the column named as in the file (`ligne N : <colonne> : <raison>`).
  // Under a heading that names its file when it differs from the previous one.
  const asked = ctx.parsed.values.lang !== undefined;
  let file: string | undefined;
  for (const e of report.errors) {
    if (e.file && e.file !== file) ctx.io.stderr.write(`${e.file}:\n`);
    file = e.file ?? file;
    const spec = `line ${e.line}: ${e.field}: ${e.reason}`;
    ctx.io.stderr.write(`${asked ? (e.message ?? spec) : spec}\n`);
  }
  if (report.errorCount > report.errors.length) {
    ctx.io.stderr.write(
      `... ${report.errorCount - report.errors.length} ${fr ? "autres erreurs" : "more errors"}\n`,
    );
  }
  const rows = FACT_TYPES.filter((t) => report.counts[t]).map((t) => ({ t, ...report.counts[t] }));
  if (rows.length > 0) {
    ctx.io.stdout.write(
      renderTable(
        rows,
        [
          { title: "type", value: (r) => r.t },
          { title: fr ? "ajoutés" : "added", value: (r) => String(r.added), align: "right" },
          {
            title: fr ? "inchangés" : "unchanged",
            value: (r) => String(r.unchanged),
            align: "right",
          },
        ],
        colourEnabled(ctx.io),
      ),
    );
  }
  const secs = (report.elapsedMs / 1000).toFixed(1);
  // Every conflict is also counted among the errors; a line may have several.
  const lines = report.errorLineCount;
  const problems = fr
    ? `${lines} ligne${lines > 1 ? "s" : ""} en erreur (${report.errorCount} erreur${report.errorCount > 1 ? "s" : ""} ou conflit${report.errorCount > 1 ? "s" : ""})`
    : `${lines} bad line${lines === 1 ? "" : "s"} (${report.errorCount} error${report.errorCount === 1 ? "" : "s"} or conflict${report.errorCount === 1 ? "" : "s"})`;
  if (report.ok) {
    ctx.io.stdout.write(fr ? `Import terminé en ${secs} s.\n` : `Import done in ${secs} s.\n`);
  } else if (report.committed) {
    ctx.io.stderr.write(
      fr
        ? `Import partiel en ${secs} s : les lignes valides sont importées ; ${problems} ci-dessus, à corriger.\n`
        : `Partial import in ${secs} s: the valid lines are in; ${problems} above to fix.\n`,
    );
  } else {
    ctx.io.stderr.write(
      fr
        ? `Import refusé : ${problems}, rien n'a été importé. Corrigez ces lignes et relancez (ou --allow-partial).\n`
        : `Import refused: ${problems}, nothing was imported. Fix these lines and run it again (or use --allow-partial).\n`,
    );
  }
}
