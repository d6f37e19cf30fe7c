import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { openComplaint, orderDisclosures } from "../../../app/after-sales/open-complaint.ts";
import {
  resolveComplaint,
  respondToComplaint,
} from "../../../app/after-sales/resolve-complaint.ts";
import { AppError } from "../../../domain/errors.ts";
import type { Disclosure } from "../../../domain/facts.ts";
import { canSeeCosts } from "../../../domain/policies.ts";
import { getCharter } from "../../../store/charter-repository.ts";
import {
  type Complaint,
  findComplaint,
  listComplaints,
} from "../../../store/intake-complaint-repository.ts";
import { intakeDb } from "../../../store/intake-schema.ts";
import { type OrgAccess, orgAccess, requirePolicy } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import {
  intakeContext,
  optionalMinor,
  parseInstant,
  presentComplaint,
} from "../intake/present-intake.ts";
import * as s from "./schema.ts";

export const complaintRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { store } = deps;

  async function present(access: OrgAccess, complaint: Complaint, disclosures?: Disclosure[]) {
    const charter = await getCharter(store, access.org.id);
    const list =
      disclosures ??
      (complaint.orderId
        ? await orderDisclosures(intakeDb(store.db), store, access.org.id, complaint.orderId)
        : []);
    return {
      complaint: presentComplaint(complaint, {
        currency: charter.currency,
        seeCosts: canSeeCosts(access.role),
        timeZone: access.org.time_zone,
        hours: charter.first_response_hours,
      }),
      disclosures: list.map((d) => ({
        code: d.code,
        text: d.text,
        acknowledgedAt:
          d.acknowledged_at === undefined ? null : new Date(d.acknowledged_at).toISOString(),
      })),
      currency: charter.currency,
    };
  }

  async function access(request: Parameters<typeof orgAccess>[1], slug: string) {
    const a = await orgAccess(store, request, slug);
    requirePolicy(a, a.can.recordFacts, "record complaints");
    return a;
  }

  app.get("/api/orgs/:org/complaints", { schema: s.listComplaintsSchema }, async (request) => {
    const a = await access(request, request.params.org);
    const charter = await getCharter(store, a.org.id);
    const q = request.query;
    const items = await listComplaints(intakeDb(store.db), a.org.id, {
      open: q.open === undefined ? undefined : q.open === "true",
      orderId: q.order,
      customer: q.customer,
    });
    const ctx = {
      currency: charter.currency,
      seeCosts: canSeeCosts(a.role),
      timeZone: a.org.time_zone,
      hours: charter.first_response_hours,
    };
    return { items: items.map((c) => presentComplaint(c, ctx)), currency: charter.currency };
  });

  app.post(
    "/api/orgs/:org/complaints",
    { schema: s.openComplaintSchema },
    async (request, reply) => {
      const a = await access(request, request.params.org);
      const { complaint, disclosures } = await openComplaint(intakeContext(store, a), request.body);
      return reply.status(201).send(await present(a, complaint, disclosures));
    },
  );

  app.get("/api/orgs/:org/complaints/:id", { schema: s.getComplaintSchema }, async (request) => {
    const a = await access(request, request.params.org);
    const complaint = await findComplaint(intakeDb(store.db), a.org.id, request.params.id);
    if (!complaint)
      throw new AppError(
        "NOT_FOUND",
        `id: no complaint "${request.params.id}" in this organization`,
      );
    return present(a, complaint);
  });

  app.post(
    "/api/orgs/:org/complaints/:id/respond",
    { schema: s.respondSchema },
    async (request) => {
      const a = await access(request, request.params.org);
      return present(
        a,
        await respondToComplaint(intakeContext(store, a), request.params.id, request.body.text),
      );
    },
  );

  app.post(
    "/api/orgs/:org/complaints/:id/resolve",
    { schema: s.resolveSchema },
    async (request) => {
      const a = await access(request, request.params.org);
      const { currency } = await getCharter(store, a.org.id);
      const body = request.body;
      const resolved = await resolveComplaint(intakeContext(store, a), request.params.id, {
        ...body,
        remedyAmount: optionalMinor(body.remedyAmount, currency, "remedyAmount"),
        redoDue: body.redoDue === undefined ? undefined : parseInstant(body.redoDue),
      });
      return present(a, resolved);
    },
  );
};
