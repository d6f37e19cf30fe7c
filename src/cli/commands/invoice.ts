/**
 * `comptoir invoice pdf <number> [--out file]` writes an issued invoice, deposit or credit note
 * as the PDF/A-3b the app serves (its Factur-X XML inside); `comptoir invoice ubl <number>
 * [--out file]` writes the same document as UBL 2.1. Without `--out` the bytes go to stdout,
 * for a pipe; a terminal gets a file named after the number instead of binary noise.
 */
import { writeFile } from "node:fs/promises";
import { issuedDocumentFile } from "../../app/invoices/issued-document-file.ts";
import { AppError } from "../../domain/errors.ts";
import type { CommandContext } from "../context.ts";

export async function run(ctx: CommandContext): Promise<number> {
  const [format, number] = ctx.parsed.positionals;
  if ((format !== "pdf" && format !== "ubl") || !number) {
    throw new AppError("USAGE", "invoice: say pdf or ubl, then the invoice's number");
  }
  const store = await ctx.store();
  const org = await ctx.organization();
  const file = await issuedDocumentFile(
    { store, org, actor: { userId: "cli", role: "owner" } },
    number,
    format,
  );
  const out = ctx.string("out") ?? (ctx.io.stdout.isTTY ? file.fileName : undefined);
  if (out === undefined) {
    ctx.io.stdout.write(file.bytes);
    return 0;
  }
  await writeFile(out, file.bytes);
  ctx.io.stderr.write(`${out}\n`);
  return 0;
}
