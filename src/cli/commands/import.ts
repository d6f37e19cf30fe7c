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
  const fr = ctx.lang === "fr";
  for (const c of report.converted) {
    ctx.io.stderr.write(
      fr
        ? `${c.file} : fichier en ${c.from}, converti en UTF-8 avant l'import.\n`
        : `${c.file}: the file was in ${c.from}, converted to UTF-8 before importing.\n`,
    );
  }
  // Each bad line exactly as the spec writes it (`line N: <field>: <reason>`), under a
  // heading that names its file when it differs from the previous one.
  let file: string | undefined;
  for (const e of report.errors) {
    if (e.file && e.file !== file) ctx.io.stderr.write(`${e.file}:\n`);
    file = e.file ?? file;
    ctx.io.stderr.write(`line ${e.line}: ${e.field}: ${e.reason}\n`);
  }
  if (report.errorCount > report.errors.length) {
    ctx.io.stderr.write(
      `... ${report.errorCount - report.errors.length} ${fr ? "autres lignes en erreur" : "more bad lines"}\n`,
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
  // Every conflict is also counted among the errors.
  const problems = report.errorCount;
  if (report.ok) {
    ctx.io.stdout.write(fr ? `Import terminé en ${secs} s.\n` : `Import done in ${secs} s.\n`);
  } else if (report.committed) {
    ctx.io.stderr.write(
      fr
        ? `Import partiel en ${secs} s : les lignes valides sont importées ; ${problems} erreur(s) ou conflit(s) ci-dessus, à corriger.\n`
        : `Partial import in ${secs} s: the valid lines are in; ${problems} error(s) or conflict(s) above to fix.\n`,
    );
  } else {
    ctx.io.stderr.write(
      fr
        ? `Import refusé : ${problems} erreur(s) ou conflit(s), rien n'a été importé. Corrigez ces lignes et relancez (ou --allow-partial).\n`
        : `Import refused: ${problems} error(s) or conflict(s), nothing was imported. Fix these lines and run it again (or use --allow-partial).\n`,
    );
  }
}
