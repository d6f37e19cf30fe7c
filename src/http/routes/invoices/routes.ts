import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { creditNoteForComplaint } from "../../../app/invoices/credit-complaint.ts";
import {
  createDraft,
  draftCreditNote,
  removeDraft,
  updateDraft,
} from "../../../app/invoices/draft-invoice.ts";
import { exportInvoicesCsv } from "../../../app/invoices/export-invoices-csv.ts";
import { getNumberingView, setNumbering } from "../../../app/invoices/invoice-numbering.ts";
import type { InvoiceContext } from "../../../app/invoices/invoice-support.ts";
import { issueInvoice } from "../../../app/invoices/issue-invoice.ts";
import { issuedDocumentFile } from "../../../app/invoices/issued-document-file.ts";
import {
  getInvoiceView,
  type InvoiceView,
  listInvoiceViews,
} from "../../../app/invoices/list-invoices.ts";
import { AppError } from "../../../domain/errors.ts";
import type { InvoiceLine } from "../../../domain/invoicing/invoice-document.ts";
import { fromMinor, minorDigits } from "../../../domain/money.ts";
import { getCharter } from "../../../store/charter-repository.ts";
import { type OrgAccess, orgAccess, requirePolicy } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import { toMinorField } from "../intake/present-intake.ts";
import type { Invoice, InvoiceLineInput } from "./contract.ts";
import * as s from "./schema.ts";

function contextOf(deps: RouteDeps, access: OrgAccess): InvoiceContext {
  return {
    store: deps.store,
    org: access.org,
    actor: { userId: access.actor.userId, role: access.role },
  };
}

function linesInMinor(lines: InvoiceLineInput[] | undefined, currency: string) {
  return lines?.map(
    (l, i): InvoiceLine => ({
      description: l.description,
      quantity: l.quantity,
      unitPriceMinor: toMinorField(l.unitPrice, currency, `lines[${i}].unitPrice`),
      vatRate: l.vatRate,
      ...(l.discount
        ? { discountMinor: toMinorField(l.discount, currency, `lines[${i}].discount`) }
        : {}),
      nature: l.nature,
      ...(l.order ? { order: l.order } : {}),
    }),
  );
}

/** A day of the calendar (2026-02-30 is not one), or BAD_INPUT naming the field. */
function checkDay(text: string, field: string): string {
  const ms = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text)
    throw new AppError("BAD_INPUT", `${field}: ${text} is not a day of the calendar`);
  return text;
}

/** The end of a day (`2026-12-07`) as epoch ms, for statuses as of that day. */
function endOfDay(day: string | undefined): number | undefined {
  return day === undefined ? undefined : Date.parse(`${checkDay(day, "asOf")}T23:59:59.999Z`);
}

export function presentInvoice(v: InvoiceView, currency: string, org: string): Invoice {
  const cur = v.record.document?.currency ?? currency;
  const m = (minor: number) => fromMinor(minor, minorDigits(cur));
  const r = v.record;
  const t = v.totals;
  const lines = r.document?.lines ?? r.lines;
  return {
    id: r.id,
    kind: r.kind,
    status: v.status,
    number: r.number,
    customer: r.customer,
    customerName: v.customerName,
    issueDate: r.issueDate,
    dueDate: r.dueDate,
    currency: cur,
    lines: lines.map((l, i) => ({
      description: l.description,
      quantity: l.quantity,
      unitPrice: m(l.unitPriceMinor),
      vatRate: l.vatRate,
      discount: m(l.discountMinor ?? 0),
      nature: l.nature,
      order: l.order ?? null,
      net: m(t.lineNets[i] ?? 0),
    })),
    vat: t.vatBreakdown.map((row) => ({
      category: row.category,
      rate: row.rate,
      base: m(row.taxableMinor),
      vat: m(row.vatMinor),
    })),
    totalExclVat: m(t.totalExclVatMinor),
    totalVat: m(t.vatTotalMinor),
    totalInclVat: m(t.totalInclVatMinor),
    depositsDrawnDown: (r.references.deposits ?? []).map((d) => ({
      number: d.number,
      amount: m(d.amountMinor),
    })),
    amountDue: m(t.amountDueMinor),
    orders: r.references.orders ?? [],
    corrects: r.references.correctedInvoice?.number ?? null,
    reason: r.reason,
    notes: r.notes,
    vatExemption: r.document?.vatExemption ?? null,
    paid: v.paidMinor === null ? null : m(v.paidMinor),
    credited: v.creditedMinor === null ? null : m(v.creditedMinor),
    balance: v.balanceMinor === null ? null : m(v.balanceMinor),
    pdfUrl: r.number ? `/api/orgs/${org}/invoices/${encodeURIComponent(r.number)}/pdf` : null,
  };
}

export const invoiceRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { store } = deps;

  /** Access for drafting, issuing and listing invoices (managers and owners). */
  async function issuing(request: FastifyRequest & { params: { org: string } }) {
    const access = await orgAccess(store, request, request.params.org);
    requirePolicy(access, access.can.issueInvoices, "draft, issue or list invoices");
    const { currency } = await getCharter(store, access.org.id);
    return { access, ctx: contextOf(deps, access), currency };
  }

  app.get("/api/orgs/:org/invoices", { schema: s.listInvoicesSchema }, async (request) => {
    const { access, ctx, currency } = await issuing(request);
    const views = await listInvoiceViews(ctx, {
      status: request.query.status,
      customer: request.query.customer,
      asOf: endOfDay(request.query.asOf),
    });
    return { currency, items: views.map((v) => presentInvoice(v, currency, access.org.slug)) };
  });

  app.post("/api/orgs/:org/invoices", { schema: s.createInvoiceSchema }, async (request, reply) => {
    const { access, ctx, currency } = await issuing(request);
    const body = request.body;
    const draft = await createDraft(ctx, {
      kind: body.kind,
      customer: body.customer,
      orders: body.orders,
      lines: linesInMinor(body.lines, currency),
      service: body.service,
      notes: body.notes,
    });
    const view = await getInvoiceView(ctx, draft.id);
    return reply.status(201).send({ invoice: presentInvoice(view, currency, access.org.slug) });
  });

  app.get(
    "/api/orgs/:org/invoices/export.csv",
    { schema: s.exportInvoicesSchema },
    async (request, reply) => {
      const { ctx } = await issuing(request);
      const today = new Date().toISOString().slice(0, 10);
      const from = checkDay(request.query.from ?? `${today.slice(0, 7)}-01`, "from");
      const to = checkDay(request.query.to ?? today, "to");
      if (from > to) throw new AppError("BAD_INPUT", "to: the period ends before it starts");
      const csv = await exportInvoicesCsv(ctx, { from, to });
      return reply
        .type("text/csv; charset=utf-8")
        .header("cache-control", "no-store")
        .header("content-disposition", `attachment; filename="factures-${from}-${to}.csv"`)
        .send(csv);
    },
  );

  app.get("/api/orgs/:org/invoices/:id", { schema: s.getInvoiceSchema }, async (request) => {
    const { access, ctx, currency } = await issuing(request);
    const view = await getInvoiceView(ctx, request.params.id);
    return { invoice: presentInvoice(view, currency, access.org.slug) };
  });

  app.get(
    "/api/orgs/:org/invoices/:id/pdf",
    { schema: s.invoicePdfSchema },
    async (request, reply) => {
      const { ctx } = await issuing(request);
      const file = await issuedDocumentFile(ctx, request.params.id, "pdf");
      return reply
        .type("application/pdf")
        .header("cache-control", "no-store")
        .header("content-disposition", `inline; filename="${file.fileName}"`)
        .send(file.bytes);
    },
  );

  app.get(
    "/api/orgs/:org/invoices/:id/ubl.xml",
    { schema: s.invoiceUblSchema },
    async (request, reply) => {
      const { ctx } = await issuing(request);
      const file = await issuedDocumentFile(ctx, request.params.id, "ubl");
      return reply
        .type("application/xml; charset=utf-8")
        .header("cache-control", "no-store")
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .send(file.bytes);
    },
  );

  app.put("/api/orgs/:org/invoices/:id", { schema: s.updateInvoiceSchema }, async (request) => {
    const { access, ctx, currency } = await issuing(request);
    const body = request.body;
    const updated = await updateDraft(ctx, request.params.id, {
      lines: linesInMinor(body.lines, currency),
      service: body.service,
      notes: body.notes,
      reason: body.reason,
    });
    const view = await getInvoiceView(ctx, updated.id);
    return { invoice: presentInvoice(view, currency, access.org.slug) };
  });

  app.delete(
    "/api/orgs/:org/invoices/:id",
    { schema: s.deleteInvoiceSchema },
    async (request, reply) => {
      const { ctx } = await issuing(request);
      await removeDraft(ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/orgs/:org/invoices/:id/issue",
    { schema: s.issueInvoiceSchema },
    async (request) => {
      const { access, ctx, currency } = await issuing(request);
      const issued = await issueInvoice(ctx, request.params.id);
      const view = await getInvoiceView(ctx, issued.id);
      return { invoice: presentInvoice(view, currency, access.org.slug) };
    },
  );

  app.post(
    "/api/orgs/:org/invoices/:id/credit-note",
    { schema: s.creditNoteSchema },
    async (request, reply) => {
      const { access, ctx, currency } = await issuing(request);
      const body = request.body;
      const draft = await draftCreditNote(ctx, request.params.id, {
        amountMinor:
          body.amount === undefined ? undefined : toMinorField(body.amount, currency, "amount"),
        reason: body.reason,
      });
      const view = await getInvoiceView(ctx, draft.id);
      return reply.status(201).send({ invoice: presentInvoice(view, currency, access.org.slug) });
    },
  );

  app.get("/api/orgs/:org/invoices/:id/balance", { schema: s.balanceSchema }, async (request) => {
    // Any member: staff record payments at the counter and see what is left to pay.
    const access = await orgAccess(store, request, request.params.org);
    const { currency } = await getCharter(store, access.org.id);
    const view = await getInvoiceView(contextOf(deps, access), request.params.id);
    const r = view.record;
    if (r.state !== "issued" || r.number === null || r.kind === "credit_note")
      throw new AppError("NOT_FOUND", `id: no issued invoice "${request.params.id}"`);
    const m = (minor: number | null) => fromMinor(minor ?? 0, minorDigits(currency));
    return {
      number: r.number,
      customerName: view.customerName,
      currency,
      amount: m(r.amountMinor),
      paid: m(view.paidMinor),
      credited: m(view.creditedMinor),
      balance: m(view.balanceMinor),
      dueDate: r.dueDate,
      status: view.status,
    };
  });

  app.post(
    "/api/orgs/:org/complaints/:id/credit-note",
    { schema: s.complaintCreditNoteSchema },
    async (request, reply) => {
      const { access, ctx, currency } = await issuing(request);
      const note = await creditNoteForComplaint(ctx, request.params.id);
      const view = await getInvoiceView(ctx, note.id);
      return reply.status(201).send({ invoice: presentInvoice(view, currency, access.org.slug) });
    },
  );

  app.get("/api/orgs/:org/invoice-numbering", { schema: s.getNumberingSchema }, async (request) => {
    const { ctx } = await issuing(request);
    return getNumberingView(ctx);
  });

  app.put("/api/orgs/:org/invoice-numbering", { schema: s.putNumberingSchema }, async (request) => {
    const access = await orgAccess(store, request, request.params.org);
    requirePolicy(access, access.can.editNumbering, "change the invoice numbering");
    return setNumbering(contextOf(deps, access), request.body);
  });
};
