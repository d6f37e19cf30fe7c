import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { acceptOrder } from "../../../app/intake/accept-order.ts";
import {
  acknowledgeDisclosure,
  addDisclosure,
} from "../../../app/intake/acknowledge-disclosure.ts";
import { addIntakePhoto } from "../../../app/intake/add-intake-photo.ts";
import { advanceOrder, declineOrder } from "../../../app/intake/advance-order.ts";
import { createIntakeOrder } from "../../../app/intake/create-intake-order.ts";
import { getIntakeOrder } from "../../../app/intake/get-intake-order.ts";
import type { IntakeContext } from "../../../app/intake/intake-support.ts";
import {
  answerQuestion,
  askQuestion,
  reviewAnswer,
} from "../../../app/intake/manage-intake-questions.ts";
import { recordOrderActivity } from "../../../app/intake/record-order-activity.ts";
import { renderIntakeReceipt } from "../../../app/intake/render-intake-receipt.ts";
import { sendAckLink } from "../../../app/intake/send-ack-link.ts";
import { updateIntakeOrder } from "../../../app/intake/update-intake-order.ts";
import { AppError } from "../../../domain/errors.ts";
import { customerWarning } from "../../../domain/intake/customer-warning.ts";
import { canSeeCosts } from "../../../domain/policies.ts";
import { getCharter } from "../../../store/charter-repository.ts";
import { findCustomer } from "../../../store/customer-records.ts";
import { findFact } from "../../../store/fact-repository.ts";
import { listOrders } from "../../../store/intake-order-repository.ts";
import { readPhoto } from "../../../store/intake-photo-repository.ts";
import { intakeDb } from "../../../store/intake-schema.ts";
import { parseAsOfParam } from "../../as-of.ts";
import { type OrgAccess, orgAccess, requirePolicy } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import {
  intakeContext,
  langOf,
  optionalMinor,
  parseInstant,
  presentDetail,
  presentOrder,
  toMinorField,
} from "./present-intake.ts";
import * as s from "./schema.ts";

type QuoteBody = { listPrice?: number; price: number; cost?: number; managerConfirmed?: boolean };

function quoteInMinor(q: QuoteBody | undefined, currency: string) {
  if (!q) return undefined;
  return {
    price: toMinorField(q.price, currency, "quote.price"),
    listPrice: optionalMinor(q.listPrice, currency, "quote.listPrice"),
    cost: optionalMinor(q.cost, currency, "quote.cost"),
    managerConfirmed: q.managerConfirmed,
  };
}

export const intakeRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { store } = deps;

  async function warningFor(access: OrgAccess, customer: string) {
    const lang = langOf(access);
    // The end of today, like every page: Date.now() would be a new cache key, a new pass.
    const report = await deps.cache.get(access.org, parseAsOfParam(undefined), lang);
    const { deposit_pct } = await getCharter(store, access.org.id);
    return customerWarning(report.byCustomer.get(customer), access.role, lang, deposit_pct);
  }

  async function detail(access: OrgAccess, ctx: IntakeContext, id: string) {
    const d = await getIntakeOrder(ctx, id);
    const customer = await findCustomer(store, access.org.id, d.order.customer);
    return presentDetail(d, access, {
      customerName: customer?.type === "customer" ? customer.name : null,
      customerWarning: await warningFor(access, d.order.customer),
    });
  }

  /** Access for recording intake (every role), with the use-case context. */
  async function recording(request: FastifyRequest & { params: { org: string } }) {
    const access = await orgAccess(store, request, request.params.org);
    requirePolicy(access, access.can.recordFacts, "record intake");
    return { access, ctx: intakeContext(store, access) };
  }

  app.get("/api/orgs/:org/intake", { schema: s.listIntakeSchema }, async (request) => {
    const { access } = await recording(request);
    const charter = await getCharter(store, access.org.id);
    const orders = await listOrders(intakeDb(store.db), access.org.id, request.query);
    return {
      currency: charter.currency,
      items: orders.map((o) => presentOrder(o, charter.currency, canSeeCosts(access.role))),
    };
  });

  app.get("/api/orgs/:org/intake/warning", { schema: s.warningSchema }, async (request) => {
    const { access } = await recording(request);
    if (!(await findFact(store, access.org.id, "customer", request.query.customer))) {
      throw new AppError("CUSTOMER_NOT_FOUND", `customer: no customer "${request.query.customer}"`);
    }
    return warningFor(access, request.query.customer);
  });

  app.post("/api/orgs/:org/intake", { schema: s.createIntakeSchema }, async (request, reply) => {
    const { access, ctx } = await recording(request);
    const { currency } = await getCharter(store, access.org.id);
    const body = request.body;
    const order = await createIntakeOrder(ctx, {
      ...body,
      quote: quoteInMinor(body.quote, currency),
      deposit: optionalMinor(body.deposit, currency, "deposit"),
      due: body.due === undefined ? undefined : parseInstant(body.due),
    });
    return reply.status(201).send(await detail(access, ctx, order.id));
  });

  app.get("/api/orgs/:org/intake/:id", { schema: s.getIntakeSchema }, async (request) => {
    const { access, ctx } = await recording(request);
    return detail(access, ctx, request.params.id);
  });

  app.patch("/api/orgs/:org/intake/:id", { schema: s.patchIntakeSchema }, async (request) => {
    const { access, ctx } = await recording(request);
    const { currency } = await getCharter(store, access.org.id);
    const { quote, deposit, due, ...rest } = request.body;
    await updateIntakeOrder(ctx, request.params.id, {
      ...rest,
      quote: quoteInMinor(quote, currency),
      deposit: optionalMinor(deposit, currency, "deposit"),
      due: due === undefined ? undefined : due === null ? null : parseInstant(due),
    });
    return detail(access, ctx, request.params.id);
  });

  app.post("/api/orgs/:org/intake/:id/questions", { schema: s.askSchema }, async (request) => {
    const { access, ctx } = await recording(request);
    await askQuestion(ctx, request.params.id, request.body.text);
    return detail(access, ctx, request.params.id);
  });

  app.post(
    "/api/orgs/:org/intake/:id/questions/:questionId/answer",
    { schema: s.answerSchema },
    async (request) => {
      const { access, ctx } = await recording(request);
      await answerQuestion(ctx, request.params.id, request.params.questionId, request.body.answer);
      return detail(access, ctx, request.params.id);
    },
  );

  app.post(
    "/api/orgs/:org/intake/:id/questions/:questionId/review",
    { schema: s.reviewSchema },
    async (request) => {
      const { access, ctx } = await recording(request);
      await reviewAnswer(ctx, request.params.id, request.params.questionId);
      return detail(access, ctx, request.params.id);
    },
  );

  app.post(
    "/api/orgs/:org/intake/:id/disclosures",
    { schema: s.addDisclosureSchema },
    async (request) => {
      const { access, ctx } = await recording(request);
      await addDisclosure(ctx, request.params.id, request.body);
      return detail(access, ctx, request.params.id);
    },
  );

  app.post(
    "/api/orgs/:org/intake/:id/disclosures/:disclosureId/acknowledge",
    { schema: s.acknowledgeSchema },
    async (request) => {
      const { access, ctx } = await recording(request);
      await acknowledgeDisclosure(
        ctx,
        request.params.id,
        request.params.disclosureId,
        request.body,
      );
      return detail(access, ctx, request.params.id);
    },
  );

  app.post(
    "/api/orgs/:org/intake/:id/ack-link",
    { schema: s.ackLinkSchema },
    async (request, reply) => {
      const { access, ctx } = await recording(request);
      const result = await sendAckLink(ctx, request.params.id, request.body, deps.publicUrl);
      if (await deps.mail.canSend(access.org.id)) await deps.outbox.kick();
      return reply
        .status(201)
        .send({ ...result, expiresAt: new Date(result.expiresAt).toISOString() });
    },
  );

  app.post("/api/orgs/:org/intake/:id/accept", { schema: s.acceptSchema }, async (request) => {
    const { access, ctx } = await recording(request);
    await acceptOrder(ctx, request.params.id);
    return detail(access, ctx, request.params.id);
  });

  app.post("/api/orgs/:org/intake/:id/advance", { schema: s.advanceSchema }, async (request) => {
    const { access, ctx } = await recording(request);
    await advanceOrder(ctx, request.params.id, request.body.to);
    return detail(access, ctx, request.params.id);
  });

  app.post("/api/orgs/:org/intake/:id/decline", { schema: s.declineSchema }, async (request) => {
    const { access, ctx } = await recording(request);
    await declineOrder(ctx, request.params.id, request.body.reason);
    return detail(access, ctx, request.params.id);
  });

  app.post(
    "/api/orgs/:org/intake/:id/activities",
    { schema: s.activitySchema },
    async (request, reply) => {
      const { ctx } = await recording(request);
      const fact = await recordOrderActivity(ctx, request.params.id, request.body);
      return reply
        .status(201)
        .send({ type: fact.type, id: fact.id, at: new Date(fact.at).toISOString() });
    },
  );

  app.post(
    "/api/orgs/:org/intake/:id/photos",
    // Room for a phone's full-size photo, so that it is refused by name and limit, not a 413.
    { schema: s.addPhotoSchema, bodyLimit: 16 * 1024 * 1024 },
    async (request, reply) => {
      const { ctx } = await recording(request);
      const photo = await addIntakePhoto(ctx, request.params.id, {
        contentType: request.body.contentType,
        data: Buffer.from(request.body.data, "base64"),
      });
      return reply
        .status(201)
        .send({ ...photo, createdAt: new Date(photo.createdAt).toISOString() });
    },
  );

  app.get(
    "/api/orgs/:org/intake/:id/photos/:photoId",
    { schema: s.getPhotoSchema },
    async (request, reply) => {
      const { access } = await recording(request);
      const photo = await readPhoto(
        intakeDb(store.db),
        access.org.id,
        request.params.id,
        request.params.photoId,
      );
      if (!photo) throw new AppError("NOT_FOUND", `photoId: no photo "${request.params.photoId}"`);
      return reply
        .type(photo.contentType)
        .header("cache-control", "private, max-age=3600")
        .send(photo.data);
    },
  );

  app.get(
    "/api/orgs/:org/intake/:id/receipt.pdf",
    { schema: s.receiptSchema },
    async (request, reply) => {
      const { ctx } = await recording(request);
      const pdf = await renderIntakeReceipt(ctx, request.params.id);
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="receipt-${request.params.id}.pdf"`)
        .send(pdf);
    },
  );
};
