/**
 * The printable intake receipt (PDF, A4): the item, what was observed, every disclosure with
 * the time the customer acknowledged it (on the organization's clock), the questions and
 * answers, the quote, the deposit and the warranty, under the organization's letterhead (its
 * identity and logo). French or English, per the organization.
 */

import { formatWallClock } from "../../domain/intake/zoned-time.ts";
import { fromMinor, minorDigits } from "../../domain/money.ts";
import { findCustomer } from "../../store/customer-records.ts";
import { organizationLetterhead } from "../identity/organization-letterhead.ts";
import { plainSpaces } from "../relationships/draft-parting-letter.ts";
import { FONT } from "../shared/pdf-fonts.ts";
import { drawLetterhead } from "../shared/pdf-letterhead.ts";
import { getIntakeOrder } from "./get-intake-order.ts";
import { type IntakeContext, orgLang } from "./intake-support.ts";

const LABELS = {
  fr: {
    title: "Bon de dépôt",
    order: "Commande",
    date: "Date",
    customer: "Client",
    item: "Article",
    service: "Prestation",
    observations: "Constat",
    material: "Matière",
    condition: "État",
    notes: "Notes",
    advice: "Conseil",
    disclosures: "Risques signalés et reconnus",
    acknowledged: "reconnu le",
    notAcknowledged: "PAS ENCORE RECONNU",
    by: "par",
    questions: "Questions",
    noAnswer: "sans réponse",
    quote: "Devis",
    listPrice: "Prix catalogue",
    price: "Prix convenu",
    deposit: "Acompte",
    due: "Prévu le",
    warranty: "Garantie",
    days: "jours après la livraison",
    status: "Statut",
  },
  en: {
    title: "Intake receipt",
    order: "Order",
    date: "Date",
    customer: "Customer",
    item: "Item",
    service: "Service",
    observations: "Observed",
    material: "Material",
    condition: "Condition",
    notes: "Notes",
    advice: "Advice",
    disclosures: "Risks disclosed and acknowledged",
    acknowledged: "acknowledged on",
    notAcknowledged: "NOT ACKNOWLEDGED YET",
    by: "by",
    questions: "Questions",
    noAnswer: "no answer",
    quote: "Quote",
    listPrice: "List price",
    price: "Agreed price",
    deposit: "Deposit",
    due: "Due",
    warranty: "Warranty",
    days: "days after delivery",
    status: "Status",
  },
} as const;

const ADVICE = {
  fr: {
    proceed: "à faire",
    proceed_with_reserve: "à faire, avec réserves",
    not_worth_it: "ne vaut pas la réparation : mieux vaut racheter",
    decline: "refusé",
  },
  en: {
    proceed: "go ahead",
    proceed_with_reserve: "go ahead, with reservations",
    not_worth_it: "not worth it: buy new",
    decline: "declined",
  },
} as const;

/** The bytes of a PNG signature data URL, else undefined. */
function signaturePng(signature: string | null | undefined): Buffer | undefined {
  const prefix = "data:image/png;base64,";
  if (!signature?.startsWith(prefix)) return undefined;
  const bytes = Buffer.from(signature.slice(prefix.length), "base64");
  // The PNG magic number: anything else would make pdfkit throw.
  return bytes.subarray(0, 8).equals(Buffer.from("89504e470d0a1a0a", "hex")) ? bytes : undefined;
}

export async function renderIntakeReceipt(ctx: IntakeContext, id: string): Promise<Buffer> {
  const detail = await getIntakeOrder(ctx, id);
  const { order } = detail;
  const lang = orgLang(ctx.org);
  const L = LABELS[lang];
  const zone = ctx.org.time_zone;
  const currency = detail.charter.currency;
  const money = (minor: number) =>
    plainSpaces(
      new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", {
        style: "currency",
        currency,
      }).format(fromMinor(minor, minorDigits(currency))),
    );
  const customer = await findCustomer(ctx.store, ctx.org.id, order.customer);
  const customerName = customer?.type === "customer" ? customer.name : order.customer;
  const letterhead = await organizationLetterhead(ctx.store, ctx.org, lang);

  // pdfkit loads on the first document, not at the server's start.
  const { pdfDocument } = await import("../shared/pdf-document.ts");
  const { doc, done, line } = pdfDocument({
    margin: 50,
    title: `${L.title} ${order.id}`,
    author: ctx.org.name,
  });
  const heading = (text: string) =>
    doc.moveDown(0.6).font(FONT.bold).fontSize(13).text(text).fontSize(11);

  drawLetterhead(doc, letterhead);
  doc
    .moveDown(0.6)
    .font(FONT.bold)
    .fontSize(14)
    .text(`${L.title} - ${order.id}`)
    .fontSize(11)
    .moveDown(0.5);
  line(L.date, formatWallClock(order.createdAt, zone));
  line(L.customer, customerName);
  line(L.status, order.status);
  heading(L.item);
  line(L.item, order.item);
  if (order.service) line(L.service, order.service);
  const obs = order.observations;
  if (obs.material || obs.condition || obs.notes) {
    heading(L.observations);
    if (obs.material) line(L.material, obs.material);
    if (obs.condition) line(L.condition, obs.condition);
    if (obs.notes) line(L.notes, obs.notes);
  }
  if (order.advice)
    line(
      L.advice,
      `${ADVICE[lang][order.advice.kind]}${order.advice.text ? ` - ${order.advice.text}` : ""}`,
    );
  if (detail.disclosures.length > 0) {
    heading(L.disclosures);
    for (const d of detail.disclosures) {
      doc.font(FONT.regular).text(plainSpaces(`- ${d.text}`));
      doc
        .fontSize(9)
        .text(
          d.acknowledgedAt === null
            ? `   ${L.notAcknowledged}`
            : `   ${L.acknowledged} ${formatWallClock(d.acknowledgedAt, zone)} ${L.by} ${plainSpaces(d.acknowledgedBy ?? "")} (${d.acknowledgedVia})`,
        )
        .fontSize(11);
      const png = signaturePng(d.signature);
      if (png) {
        // The drawn signature under its line; pdfkit embeds PNG (an SVG one is not drawn).
        try {
          doc.image(png, doc.page.margins.left + 12, doc.y + 2, { fit: [180, 60] });
          doc.y += 66;
        } catch {
          // A damaged image: the line above still says when and how it was acknowledged.
        }
        doc.x = doc.page.margins.left;
      }
    }
  }
  if (detail.questions.length > 0) {
    heading(L.questions);
    for (const q of detail.questions)
      doc.font(FONT.regular).text(plainSpaces(`- ${q.text} : ${q.answer ?? L.noAnswer}`));
  }
  heading(L.quote);
  if (order.price !== null) {
    if (order.listPrice !== null && order.listPrice !== order.price)
      line(L.listPrice, money(order.listPrice));
    line(L.price, money(order.price));
  }
  line(L.deposit, money(order.deposit));
  if (order.due !== null) line(L.due, formatWallClock(order.due, zone).slice(0, 10));
  line(L.warranty, `${order.warrantyDays} ${L.days}`);
  doc.end();
  return done;
}
