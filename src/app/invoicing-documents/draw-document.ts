/**
 * The page of an invoice, deposit invoice, credit note or quote (one layout for all): the
 * letterhead, the title and number, the dates, the customer, the lines, the totals by VAT
 * rate, the legal mentions, and for a quote the "Bon pour accord" box to sign.
 */
import {
  documentNature,
  type InvoiceDocument,
  vatCategory,
} from "../../domain/invoicing/invoice-document.ts";
import { computeTotals } from "../../domain/invoicing/invoice-totals.ts";
import { spacedSiren } from "../../domain/letterhead.ts";
import type { Letterhead } from "../identity/organization-letterhead.ts";
import { FONT } from "../shared/pdf-fonts.ts";
import { drawLetterhead } from "../shared/pdf-letterhead.ts";
import { documentFormat } from "./document-format.ts";
import { LABELS, TITLES } from "./document-labels.ts";
import { legalMentions } from "./legal-mentions.ts";

const GREY = "#555555";
/** Columns of the lines table: x and width, A4 with 50 pt margins (495 pt wide). */
const COLUMNS = {
  description: { x: 50, width: 205 },
  quantity: { x: 255, width: 40 },
  unitPrice: { x: 295, width: 75 },
  discount: { x: 370, width: 55 },
  vat: { x: 425, width: 45 },
  total: { x: 470, width: 75 },
} as const;
type Column = keyof typeof COLUMNS;

export function drawDocument(
  doc: PDFKit.PDFDocument,
  invoice: InvoiceDocument,
  letterhead: Letterhead,
): void {
  const L = LABELS[invoice.lang];
  const f = documentFormat(invoice.lang, invoice.currency);
  const totals = computeTotals(invoice);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  drawLetterhead(doc, letterhead, 16);

  // Title and number.
  doc.moveDown(1.2);
  doc
    .font(FONT.bold)
    .fontSize(16)
    .text(`${TITLES[invoice.lang][invoice.kind]} ${L.number} ${invoice.number}`, left);
  if (invoice.kind === "credit_note" && invoice.references.correctedInvoice) {
    const ref = invoice.references.correctedInvoice;
    doc
      .font(FONT.regular)
      .fontSize(10)
      .text(L.corrects(ref.number, ref.issueDate ? f.date(ref.issueDate) : null));
  }
  doc.moveDown(0.6);

  // Dates on the left, the customer on the right, side by side.
  const top = doc.y;
  const half = width / 2 - 10;
  const customerX = left + width / 2 + 10;
  doc.font(FONT.bold).fontSize(10).text(L.customer, customerX, top, { width: half });
  doc.font(FONT.regular).fontSize(10);
  for (const line of buyerLines(invoice, f.country, L)) doc.text(line, { width: half });
  const customerBottom = doc.y;

  doc.y = top;
  const dated = (label: string, value: string) =>
    doc
      .font(FONT.bold)
      .fontSize(10)
      .text(`${label}${L.colon}`, left, doc.y, { width: half, continued: true })
      .font(FONT.regular)
      .text(value);
  const quote = invoice.kind === "quote";
  dated(quote ? L.quoteDate : L.issueDate, f.date(invoice.issueDate));
  const service = invoice.service;
  if (service && "date" in service)
    dated(L.serviceDate[documentNature(invoice.lines)], f.date(service.date));
  if (service && "period" in service)
    dated(L.servicePeriod, L.period(f.date(service.period.start), f.date(service.period.end)));
  if (quote && invoice.validUntil) dated(L.validUntil, f.date(invoice.validUntil));
  // A credit note is not paid by the customer: no due date on its page.
  if (!quote && invoice.kind !== "credit_note" && invoice.dueDate)
    dated(L.dueDate, f.date(invoice.dueDate));
  const orders = invoice.references.orders ?? [];
  if (orders.length > 0) dated(L.orders, orders.join(", "));
  doc.y = Math.max(doc.y, customerBottom) + 16;

  drawLines(doc, invoice, totals.lineNets, f, L);
  drawTotals(doc, invoice, totals, f, L);

  // Conditions and legal mentions.
  doc.moveDown(1);
  doc.x = left;
  doc.font(FONT.bold).fontSize(10).text(L.conditions, left, doc.y, { width });
  doc.font(FONT.regular).fontSize(9);
  for (const mention of legalMentions(invoice)) doc.text(mention.text, { width });
  const notes = (invoice.notes ?? []).filter((n) => n.trim());
  if (notes.length > 0) {
    doc.moveDown(0.6).font(FONT.bold).fontSize(10).text(L.notes, { width });
    doc.font(FONT.regular).fontSize(9);
    for (const note of notes) doc.text(note, { width });
  }
  if (quote) drawAcceptance(doc, L);
  doc.fontSize(11);
}

function buyerLines(
  invoice: InvoiceDocument,
  country: (code: string) => string,
  L: (typeof LABELS)[keyof typeof LABELS],
): string[] {
  const b = invoice.buyer;
  const lines = [b.name];
  if (b.address) {
    for (const part of b.address.street.split(/\n+/)) if (part.trim()) lines.push(part.trim());
    lines.push(`${b.address.postalCode} ${b.address.city}`.trim());
  }
  const home = invoice.seller.address?.country ?? "FR";
  const buyerCountry = b.address?.country ?? b.country;
  if (buyerCountry.toUpperCase() !== home) lines.push(country(buyerCountry));
  if (b.kind === "business") {
    if (b.siren) lines.push(`${L.siren} ${spacedSiren(b.siren)}`);
    if (b.vatNumber) lines.push(`${L.vatNumber} ${b.vatNumber}`);
  }
  return lines;
}

function drawLines(
  doc: PDFKit.PDFDocument,
  invoice: InvoiceDocument,
  lineNets: number[],
  f: ReturnType<typeof documentFormat>,
  L: (typeof LABELS)[keyof typeof LABELS],
): void {
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const cell = (column: Column, text: string, y: number, align: "left" | "right") => {
    const { x, width } = COLUMNS[column];
    doc.text(text, x + (align === "right" ? 0 : 0), y, { width: width - 4, align });
  };
  const header = () => {
    const y = doc.y;
    doc.font(FONT.bold).fontSize(8.5).fillColor(GREY);
    cell("description", L.description, y, "left");
    cell("quantity", L.quantity, y, "right");
    cell("unitPrice", L.unitPrice, y, "right");
    cell("discount", L.discount, y, "right");
    cell("vat", L.vat, y, "right");
    cell("total", L.lineTotal, y, "right");
    const below = Math.max(doc.y, y + 12) + 3;
    doc
      .moveTo(COLUMNS.description.x, below)
      .lineTo(COLUMNS.total.x + COLUMNS.total.width, below)
      .lineWidth(0.5)
      .strokeColor(GREY)
      .stroke();
    doc.fillColor("black");
    doc.y = below + 5;
  };
  header();
  invoice.lines.forEach((line, i) => {
    doc.font(FONT.regular).fontSize(9);
    const height = doc.heightOfString(line.description, {
      width: COLUMNS.description.width - 4,
    });
    if (doc.y + height > bottom()) {
      doc.addPage();
      header();
      doc.font(FONT.regular).fontSize(9);
    }
    const y = doc.y;
    const category = vatCategory(invoice.vatExemption, line.vatRate);
    cell("description", line.description, y, "left");
    const after = doc.y;
    cell("quantity", f.quantity(line.quantity), y, "right");
    cell("unitPrice", f.money(line.unitPriceMinor), y, "right");
    cell("discount", line.discountMinor ? f.money(line.discountMinor) : "", y, "right");
    cell("vat", category === "S" || category === "Z" ? f.rate(line.vatRate) : "-", y, "right");
    cell("total", f.money(lineNets[i] as number), y, "right");
    doc.y = Math.max(after, y + 11) + 4;
  });
  const y = doc.y;
  doc
    .moveTo(COLUMNS.description.x, y)
    .lineTo(COLUMNS.total.x + COLUMNS.total.width, y)
    .lineWidth(0.5)
    .strokeColor(GREY)
    .stroke();
  doc.y = y + 8;
}

function drawTotals(
  doc: PDFKit.PDFDocument,
  invoice: InvoiceDocument,
  totals: ReturnType<typeof computeTotals>,
  f: ReturnType<typeof documentFormat>,
  L: (typeof LABELS)[keyof typeof LABELS],
): void {
  const labelX = 300;
  const labelWidth = 165;
  const amountX = 470;
  const amountWidth = 71;
  const row = (label: string, amount: string, bold = false) => {
    if (doc.y + 14 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    doc.font(bold ? FONT.bold : FONT.regular).fontSize(bold ? 10.5 : 9.5);
    doc.text(label, labelX, y, { width: labelWidth, align: "right" });
    const after = doc.y;
    doc.text(amount, amountX, y, { width: amountWidth, align: "right" });
    doc.y = Math.max(after, doc.y) + 2;
  };
  row(L.totalExclVat, f.money(totals.totalExclVatMinor));
  const taxed = totals.vatBreakdown.filter((r) => r.category === "S" || r.category === "Z");
  for (const r of taxed) row(L.vatOn(f.rate(r.rate), f.money(r.taxableMinor)), f.money(r.vatMinor));
  if (taxed.length === 0) row(L.noVat, f.money(0));
  const credit = invoice.kind === "credit_note";
  row(credit ? L.creditTotal : L.totalInclVat, f.money(totals.totalInclVatMinor), credit);
  const deposits = invoice.kind === "quote" ? [] : (invoice.references.deposits ?? []);
  for (const d of deposits)
    row(L.deposit(d.number, d.issueDate ? f.date(d.issueDate) : null), f.money(-d.amountMinor));
  if (!credit && invoice.kind !== "quote") row(L.amountDue, f.money(totals.amountDueMinor), true);
}

function drawAcceptance(doc: PDFKit.PDFDocument, L: (typeof LABELS)[keyof typeof LABELS]): void {
  const boxHeight = 100;
  if (doc.y + boxHeight + 20 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const x = 300;
  const y = doc.y + 16;
  const w = 245;
  doc.rect(x, y, w, boxHeight).lineWidth(0.8).strokeColor("black").stroke();
  doc
    .font(FONT.bold)
    .fontSize(10)
    .text(L.acceptance, x + 8, y + 8, { width: w - 16 });
  doc
    .font(FONT.regular)
    .fontSize(8)
    .fillColor(GREY)
    .text(L.acceptanceHint, { width: w - 16 });
  doc.fillColor("black");
  doc.x = doc.page.margins.left;
  doc.y = y + boxHeight + 8;
}
