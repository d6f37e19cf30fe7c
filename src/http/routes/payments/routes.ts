import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { closePeriods } from "../../../app/payments/close-periods.ts";
import { getCustomerBalance } from "../../../app/payments/get-customer-balance.ts";
import { exportJournalArchive } from "../../../app/payments/journal-archive.ts";
import type { PaymentContext } from "../../../app/payments/payment-support.ts";
import { recordPayment } from "../../../app/payments/record-payment.ts";
import { verifyJournal } from "../../../app/payments/verify-journal.ts";
import { AppError } from "../../../domain/errors.ts";
import { fromMinor, minorDigits } from "../../../domain/money.ts";
import type { Closure } from "../../../domain/payments/closures.ts";
import type { JournalEntry } from "../../../domain/payments/payment-journal.ts";
import type { InvoiceBalance } from "../../../domain/scorecard/invoice-balances.ts";
import { getCharter } from "../../../store/charter-repository.ts";
import {
  findJournalCheck,
  type JournalCheck,
  journalHead,
  listClosures,
  listJournalEntries,
} from "../../../store/payment-journal-repository.ts";
import { type OrgAccess, orgAccess, requirePolicy } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import { toMinorField } from "../intake/present-intake.ts";
import {
  archiveSchema,
  closeSchema,
  closuresSchema,
  customerBalanceSchema,
  journalSchema,
  recordPaymentSchema,
  verifySchema,
} from "./schema.ts";

const paymentContext = (deps: RouteDeps, access: OrgAccess): PaymentContext => ({
  store: deps.store,
  org: access.org,
  actor: { userId: access.actor.userId, name: access.actor.name, role: access.role },
});

/** `2026-03-01` (midnight UTC) or a date-time with an offset, or BAD_INPUT naming `field`. */
function parseInstant(value: string | undefined, field: string, dateAt = "T00:00:00Z") {
  if (value === undefined || value === "") return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const ok =
    day || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  const ms = ok ? Date.parse(day ? `${value}${dateAt}` : value) : Number.NaN;
  if (Number.isNaN(ms))
    throw new AppError(
      "BAD_INPUT",
      `${field}: must be a date (2026-03-01) or a date-time with offset`,
    );
  return ms;
}

export function presentInvoiceBalance(b: InvoiceBalance, digits: number) {
  const sum = (list: readonly { amount: number }[]) => list.reduce((s, f) => s + f.amount, 0);
  return {
    id: b.invoice.id,
    at: new Date(b.invoice.at).toISOString(),
    due: new Date(b.invoice.due).toISOString(),
    amount: fromMinor(b.invoice.amount, digits),
    paid: fromMinor(sum(b.payments), digits),
    credited: fromMinor(sum(b.creditNotes), digits),
    balance: fromMinor(b.balance, digits),
    paidInFullAt:
      b.paidInFullAt !== undefined && b.balance <= 0
        ? new Date(b.paidInFullAt).toISOString()
        : null,
  };
}

function presentEntry(e: JournalEntry, digits: number) {
  return {
    seq: e.seq,
    kind: e.kind,
    payment: e.factId,
    invoice: e.invoice,
    customer: e.customer,
    amount: fromMinor(e.amount, digits),
    method: e.method,
    paidAt: new Date(e.paidAt).toISOString(),
    recordedBy: { id: e.recordedBy, name: e.recordedByName },
    recordedAt: new Date(e.recordedAt).toISOString(),
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

function presentClosure(c: Closure, digits: number) {
  return {
    seq: c.seq,
    kind: c.kind,
    period: c.period,
    entries: c.entries,
    total: fromMinor(c.total, digits),
    byMethod: {
      cash: fromMinor(c.byMethod.cash, digits),
      card: fromMinor(c.byMethod.card, digits),
      transfer: fromMinor(c.byMethod.transfer, digits),
      cheque: fromMinor(c.byMethod.cheque, digits),
    },
    perpetualTotal: fromMinor(c.perpetualTotal, digits),
    closedAt: new Date(c.closedAt).toISOString(),
    hash: c.hash,
  };
}

const presentCheck = (c: JournalCheck) => ({
  ...c,
  checkedAt: new Date(c.checkedAt).toISOString(),
});

export const paymentRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const currencyOf = async (orgId: string) => (await getCharter(deps.store, orgId)).currency;

  app.post("/api/orgs/:org/payments", { schema: recordPaymentSchema }, async (request, reply) => {
    const access = await orgAccess(deps.store, request, request.params.org);
    requirePolicy(access, access.can.recordFacts, "record payments");
    const body = request.body;
    const currency = await currencyOf(access.org.id);
    const digits = minorDigits(currency);
    const recorded = await recordPayment(paymentContext(deps, access), {
      invoice: body.invoice,
      amount: toMinorField(body.amount, currency, "amount"),
      method: body.method,
      at: parseInstant(body.at, "at"),
      kind: body.kind,
    });
    const view = await getCustomerBalance(
      deps.store,
      access.org.id,
      "owner",
      recorded.fact.customer,
    );
    const invoice = view.invoices.find((i) => i.invoice.id === recorded.fact.invoice);
    if (!invoice) throw new AppError("INVOICE_NOT_FOUND", `invoice: no invoice "${body.invoice}"`);
    return reply.status(201).send({
      entry: presentEntry(recorded.entry, digits),
      invoice: presentInvoiceBalance(invoice, digits),
    });
  });

  app.get(
    "/api/orgs/:org/customers/:id/balance",
    { schema: customerBalanceSchema },
    async (request) => {
      const access = await orgAccess(deps.store, request, request.params.org);
      requirePolicy(access, access.can.recordFacts, "record payments");
      const currency = await currencyOf(access.org.id);
      const digits = minorDigits(currency);
      const view = await getCustomerBalance(
        deps.store,
        access.org.id,
        access.role,
        request.params.id,
      );
      return {
        customer: view.customer,
        currency,
        balance: view.balance === null ? null : fromMinor(view.balance, digits),
        invoices: view.invoices.map((b) => presentInvoiceBalance(b, digits)),
      };
    },
  );

  app.get("/api/orgs/:org/payments/journal", { schema: journalSchema }, async (request) => {
    const access = await orgAccess(deps.store, request, request.params.org);
    requirePolicy(access, access.can.managePayments, "see the payment journal");
    const currency = await currencyOf(access.org.id);
    const limit = request.query.limit ?? 100;
    const head = await journalHead(deps.store.db, access.org.id);
    const before = Math.min(request.query.before ?? Number.MAX_SAFE_INTEGER, (head?.seq ?? 0) + 1);
    const entries = await listJournalEntries(deps.store.db, access.org.id, {
      afterSeq: Math.max(0, before - 1 - limit),
      limit,
    });
    const check = await findJournalCheck(deps.store.db, access.org.id);
    return {
      currency,
      entries: entries
        .filter((e) => e.seq < before)
        .reverse()
        .map((e) => presentEntry(e, minorDigits(currency))),
      check: check ? presentCheck(check) : null,
    };
  });

  app.get("/api/orgs/:org/payments/closures", { schema: closuresSchema }, async (request) => {
    const access = await orgAccess(deps.store, request, request.params.org);
    requirePolicy(access, access.can.managePayments, "see the closures");
    const currency = await currencyOf(access.org.id);
    const closures = await listClosures(deps.store.db, access.org.id);
    return {
      currency,
      closures: closures.reverse().map((c) => presentClosure(c, minorDigits(currency))),
    };
  });

  app.post("/api/orgs/:org/payments/close", { schema: closeSchema }, async (request) => {
    const access = await orgAccess(deps.store, request, request.params.org);
    requirePolicy(access, access.can.managePayments, "close the payment journal");
    const currency = await currencyOf(access.org.id);
    // A date is its beginning in the organization's day: the periods before it are closed.
    const asOf = parseInstant(request.body?.asOf, "asOf", "T12:00:00Z");
    const made = await closePeriods(deps.store, access.org, { asOf });
    return {
      currency,
      closures: made.reverse().map((c) => presentClosure(c, minorDigits(currency))),
    };
  });

  app.post("/api/orgs/:org/payments/verify", { schema: verifySchema }, async (request) => {
    const access = await orgAccess(deps.store, request, request.params.org);
    requirePolicy(access, access.can.managePayments, "verify the payment journal");
    const check = await verifyJournal(deps.store, access.org);
    if (!check.ok)
      request.log.warn(
        { org: access.org.slug, problems: check.problems.length },
        "payment journal broken",
      );
    return { check: presentCheck(check) };
  });

  app.get("/api/orgs/:org/payments/archive", { schema: archiveSchema }, async (request, reply) => {
    const access = await orgAccess(deps.store, request, request.params.org);
    requirePolicy(access, access.can.managePayments, "archive the payment journal");
    const archive = await exportJournalArchive(deps.store, access.org, request.query);
    void reply.header(
      "content-disposition",
      `attachment; filename="journal-${access.org.slug}-${archive.from}-${archive.to}.json"`,
    );
    return archive;
  });
};
