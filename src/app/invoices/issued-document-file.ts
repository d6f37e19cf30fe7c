/**
 * An issued invoice, deposit or credit note as a file: its PDF/A-3b (Factur-X XML inside, on
 * the letterhead in force when it was issued) or its UBL 2.1, and a file name from its number.
 * A draft has no document yet (INVOICE_NOT_ISSUED). The API route and `comptoir invoice` both
 * serve it from here.
 */
import { AppError } from "../../domain/errors.ts";
import { organizationLetterhead } from "../identity/organization-letterhead.ts";
import { invoiceUblXml } from "../invoicing-documents/invoice-ubl-xml.ts";
import { renderInvoicePdf } from "../invoicing-documents/render-invoice-pdf.ts";
import type { InvoiceContext } from "./invoice-support.ts";
import { getInvoiceView } from "./list-invoices.ts";

export async function issuedDocumentFile(
  ctx: InvoiceContext,
  id: string,
  format: "pdf" | "ubl",
): Promise<{ bytes: Buffer; fileName: string }> {
  const view = await getInvoiceView(ctx, id);
  const doc = view.record.document;
  const number = view.record.number;
  if (!doc || !number) {
    throw new AppError("INVOICE_NOT_ISSUED", `id: ${id} is a draft: issue it first`);
  }
  const base = number.replace(/[^\w.-]+/g, "-");
  if (format === "ubl") return { bytes: Buffer.from(invoiceUblXml(doc)), fileName: `${base}.xml` };
  const letterhead = await organizationLetterhead(
    ctx.store,
    ctx.org,
    doc.lang,
    view.record.issuedAt ?? undefined,
  );
  return { bytes: await renderInvoicePdf(doc, { letterhead }), fileName: `${base}.pdf` };
}
