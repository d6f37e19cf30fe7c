/**
 * The printable invoice, deposit invoice or credit note: a PDF/A-3b file (embedded DejaVu
 * fonts, sRGB output intent, XMP identification) carrying its Factur-X XML (CII, EN 16931) as
 * the embedded file `factur-x.xml` (AFRelationship Alternative, listed in the catalog's /AF),
 * with the `fx:` XMP properties that say so; and the quote (devis), same page, with a
 * validity date and the "Bon pour accord" box to sign. Pure rendering: no database.
 * @example const pdf = await renderInvoicePdf(doc, { letterhead: await organizationLetterhead(store, org, doc.lang) });
 */
import type { InvoiceDocument } from "../../domain/invoicing/invoice-document.ts";
import { letterheadText } from "../../domain/letterhead.ts";
import type { Letterhead } from "../identity/organization-letterhead.ts";
import { TITLES } from "./document-labels.ts";
import { drawDocument } from "./draw-document.ts";
import { FACTURX_FILE_NAME, facturxXmp } from "./facturx-xmp.ts";
import { invoiceCiiXml } from "./invoice-cii-xml.ts";

export interface DocumentLook {
  /** The shop's letterhead (its name, logo and identity lines); default: the seller's identity. */
  letterhead?: Letterhead;
  /** The date written into the file (default now). */
  createdAt?: Date;
}

async function render(invoice: InvoiceDocument, look: DocumentLook, xml: string | null) {
  const letterhead: Letterhead = look.letterhead ?? {
    ...letterheadText(invoice.seller.legalName, invoice.seller, invoice.currency, invoice.lang),
    logo: null,
  };
  const title = `${TITLES[invoice.lang][invoice.kind]} ${invoice.number}`;
  const createdAt = look.createdAt ?? new Date();
  // pdfkit loads with the first document, not at the server's start.
  const { pdfDocument } = await import("../shared/pdf-document.ts");
  const { doc, done } = pdfDocument({
    margin: 50,
    title,
    author: invoice.seller.legalName,
    subject: `${title} - ${invoice.buyer.name}`,
    lang: invoice.lang,
    pdfa: true,
    createdAt,
  });
  if (xml !== null) {
    const attachment: PDFKit.Mixins.PDFAttachmentOptions & { relationship: string } = {
      name: FACTURX_FILE_NAME,
      type: "text/xml",
      description: "Factur-X",
      creationDate: createdAt,
      modifiedDate: createdAt,
      // The XML is the same invoice in another form (Factur-X asks Alternative or Data).
      relationship: "Alternative",
    };
    doc.file(Buffer.from(xml, "utf8"), attachment);
    doc.appendXML(facturxXmp());
  }
  drawDocument(doc, invoice, letterhead);
  doc.end();
  return done;
}

/** An invoice (380), deposit invoice (386) or credit note (381) with its Factur-X XML. */
export async function renderInvoicePdf(
  invoice: InvoiceDocument,
  look: DocumentLook = {},
): Promise<Buffer> {
  return render(invoice, look, invoiceCiiXml(invoice));
}

/** A quote (devis): same page as an invoice, no XML, a box for "Bon pour accord". */
export async function renderQuotePdf(
  quote: InvoiceDocument,
  look: DocumentLook = {},
): Promise<Buffer> {
  if (quote.kind !== "quote") throw new TypeError(`renderQuotePdf: a ${quote.kind} is no quote`);
  return render(quote, look, null);
}
