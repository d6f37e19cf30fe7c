import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { customerReturns, registerReturn } from "../../../app/after-sales/register-return.ts";
import { AppError } from "../../../domain/errors.ts";
import { findFact } from "../../../store/fact-repository.ts";
import { orgAccess, requirePolicy } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import { intakeContext, presentReturn } from "../intake/present-intake.ts";
import * as s from "./schema.ts";

export const returnRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { store }) => {
  app.get("/api/orgs/:org/returns", { schema: s.listReturnsSchema }, async (request) => {
    const access = await orgAccess(store, request, request.params.org);
    requirePolicy(access, access.can.seeTimeline, "see returns");
    if (!(await findFact(store, access.org.id, "customer", request.query.customer))) {
      throw new AppError("CUSTOMER_NOT_FOUND", `customer: no customer "${request.query.customer}"`);
    }
    return {
      items: (await customerReturns(store, access.org.id, request.query.customer)).map(
        presentReturn,
      ),
    };
  });

  app.post("/api/orgs/:org/returns", { schema: s.registerReturnSchema }, async (request, reply) => {
    const access = await orgAccess(store, request, request.params.org);
    requirePolicy(access, access.can.recordFacts, "register returns");
    const { fact, check, earlier } = await registerReturn(
      intakeContext(store, access),
      request.body,
    );
    return reply.status(201).send({
      return: presentReturn(fact),
      warrantyEnd: new Date(check.warrantyEnd).toISOString(),
      withinWarranty: check.within,
      daysLeft: check.daysLeft,
      earlier: earlier.map(presentReturn),
    });
  });
};
