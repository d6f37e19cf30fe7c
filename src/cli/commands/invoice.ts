/**
 * `comptoir invoice pdf <number> [--out file]` writes an issued invoice, deposit or credit note
 * as the PDF/A-3b the app serves (its Factur-X XML inside); `comptoir invoice ubl <number>
 * [--out file]` writes the same document as UBL 2.1. Without `--out` the bytes go to stdout,
 * for a pipe; a terminal gets a file named after the number instead of binary noise.
 */
import { writeFile } from "node:fs/promises";
import { organizationLetterhead } from "../../app/identity/organization-letterhead.ts";
import { getInvoiceView } from "../../app/invoices/list-invoices.ts";
import { invoiceUblXml } from "../../app/invoicing-documents/invoice-ubl-xml.ts";
import { renderInvoicePdf } from "../../app/invoicing-documents/render-invoice-pdf.ts";
import { AppError } from "../../domain/errors.ts";
import type { CommandContext } from "../context.ts";

export async function run(ctx: CommandContext): Promise<number> {
  const [format, number] = ctx.parsed.positionals;
  if ((format !== "pdf" && format !== "ubl") || !number) {
    throw new AppError("USAGE", "invoice: say pdf or ubl, then the invoice's number");
  }
  const store = await ctx.store();
  const org = await ctx.organization();
  const view = await getInvoiceView(
    { store, org, actor: { userId: "cli", role: "owner" } },
    number,
  );
  const doc = view.record.document;
  if (!doc || !view.record.number) {
    throw new AppError("INVOICE_NOT_ISSUED", `${number} is a draft: issue it first`);
  }
  const bytes =
    format === "pdf"
      ? await renderInvoicePdf(doc, {
          letterhead: await organizationLetterhead(
            store,
            org,
            doc.lang,
            view.record.issuedAt ?? undefined,
          ),
        })
      : Buffer.from(invoiceUblXml(doc));
  const out =
    ctx.string("out") ??
    (ctx.io.stdout.isTTY
      ? `${view.record.number.replace(/[^\w.-]+/g, "-")}.${format === "pdf" ? "pdf" : "xml"}`
      : undefined);
  if (out === undefined) {
    ctx.io.stdout.write(bytes);
    return 0;
  }
  await writeFile(out, bytes);
  ctx.io.stderr.write(`${out}\n`);
  return 0;
}
