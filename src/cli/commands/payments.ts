/**
 * `comptoir payments verify [--file archive.json] [--json]`: checks the payment journal's and
 * the closures' hash chains (exit 3 when broken), or an archive file on its own.
 * `comptoir payments close [--as-of <date>] [--json]`: closes the complete days, months and
 * years (a date: the periods before that day). `comptoir payments archive --from --to
 * [--out file]`: writes an archive of the journal between two days. See docs/payments.md.
 */
import { readFile, writeFile } from "node:fs/promises";
import { closePeriods } from "../../app/payments/close-periods.ts";
import { exportJournalArchive, verifyJournalArchive } from "../../app/payments/journal-archive.ts";
import { verifyJournal } from "../../app/payments/verify-journal.ts";
import { AppError, ERROR_CATALOGUE } from "../../domain/errors.ts";
import { fromMinor, minorDigits } from "../../domain/money.ts";
import type { ChainProblem } from "../../domain/payments/payment-journal.ts";
import { getCharter } from "../../store/charter-repository.ts";
import type { CommandContext } from "../context.ts";
import { writeJson } from "../output.ts";

/** The exit code of a broken chain. */
const BROKEN = ERROR_CATALOGUE.JOURNAL_BROKEN.exit;

export async function run(ctx: CommandContext): Promise<number> {
  const [action] = ctx.parsed.positionals;
  if (action === "verify") return verify(ctx);
  if (action === "close") return close(ctx);
  if (action === "archive") return archive(ctx);
  throw new AppError("USAGE", "payments: say verify, close or archive");
}

async function verify(ctx: CommandContext): Promise<number> {
  const fr = ctx.lang === "fr";
  const file = ctx.string("file");
  let result: { ok: boolean; entries: number; closures: number; problems: ChainProblem[] };
  if (file !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, "utf8"));
    } catch (error) {
      throw new AppError(
        "BAD_INPUT",
        `--file: cannot read "${file}" as JSON (${(error as Error).message})`,
      );
    }
    result = verifyJournalArchive(parsed);
  } else {
    const org = await ctx.organization();
    result = await verifyJournal(await ctx.store(), org);
  }
  if (ctx.json)
    writeJson(ctx.io, {
      ok: result.ok,
      entries: result.entries,
      closures: result.closures,
      problems: result.problems,
    });
  else {
    const what = fr
      ? `${result.entries} écriture(s), ${result.closures} clôture(s)`
      : `${result.entries} entr${result.entries === 1 ? "y" : "ies"}, ${result.closures} closure(s)`;
    ctx.io.stdout.write(
      result.ok
        ? fr
          ? `Journal des paiements intact : ${what}, chaîne vérifiée.\n`
          : `Payment journal intact: ${what}, chain verified.\n`
        : fr
          ? `Journal des paiements ALTÉRÉ (${what}) :\n`
          : `Payment journal BROKEN (${what}):\n`,
    );
    for (const p of result.problems) ctx.io.stdout.write(`  - ${p.detail}\n`);
  }
  return result.ok ? 0 : BROKEN;
}

async function close(ctx: CommandContext): Promise<number> {
  const org = await ctx.organization();
  const store = await ctx.store();
  const value = ctx.string("as-of");
  // A date is its beginning: the periods before that day are closed.
  const asOf =
    value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T12:00:00Z`) : ctx.asOf();
  if (Number.isNaN(asOf)) throw new AppError("BAD_INPUT", `--as-of: "${value}" is not a date`);
  const made = await closePeriods(store, org, { asOf });
  const digits = minorDigits((await getCharter(store, org.id)).currency);
  const rows = made.map((c) => ({
    kind: c.kind,
    period: c.period,
    entries: c.entries,
    total: fromMinor(c.total, digits),
    byMethod: Object.fromEntries(
      Object.entries(c.byMethod).map(([m, v]) => [m, fromMinor(v, digits)]),
    ),
    perpetualTotal: fromMinor(c.perpetualTotal, digits),
    hash: c.hash,
  }));
  if (ctx.json) writeJson(ctx.io, { closures: rows });
  else if (rows.length === 0)
    ctx.io.stdout.write(
      ctx.lang === "fr" ? "Aucune période à clôturer.\n" : "No period to close.\n",
    );
  else
    for (const r of rows) ctx.io.stdout.write(`${r.kind} ${r.period}: ${r.entries} — ${r.total}\n`);
  return 0;
}

async function archive(ctx: CommandContext): Promise<number> {
  const org = await ctx.organization();
  const from = ctx.string("from");
  const to = ctx.string("to");
  if (!from || !to) throw new AppError("USAGE", "payments archive: --from and --to are required");
  const content = await exportJournalArchive(await ctx.store(), org, { from, to });
  const text = `${JSON.stringify(content, null, 2)}\n`;
  const out = ctx.string("out");
  if (out) await writeFile(out, text);
  else ctx.io.stdout.write(text);
  return 0;
}
