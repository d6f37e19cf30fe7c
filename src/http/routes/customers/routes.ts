import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { getCustomer, resolveCustomerId } from "../../../app/customers/get-customer.ts";
import { listCustomers } from "../../../app/customers/list-customers.ts";
import { canSeeScorecards } from "../../../domain/policies.ts";
import { parseAsOfParam } from "../../as-of.ts";
import { orgAccess } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import { customerRecordRoutes } from "./record-routes.ts";
import { getCustomerSchema, listCustomersSchema } from "./schema.ts";

export const customerRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get("/api/orgs/:org/customers", { schema: listCustomersSchema }, async (request) => {
    const access = await orgAccess(deps.store, request, request.params.org);
    const { asOf: asOfText, lang: langParam, ...query } = request.query;
    const asOf = parseAsOfParam(asOfText);
    const lang = langParam ?? (access.org.lang === "en" ? "en" : "fr");
    const report = await deps.cache.get(access.org, asOf, lang);
    const page = listCustomers(report.scorecards, report.charter, access.role, query);
    return {
      ...page,
      page: query.page,
      pageSize: query.pageSize,
      currency: report.charter.currency,
      can: access.can,
    };
  });

  app.get("/api/orgs/:org/customers/:id", { schema: getCustomerSchema }, async (request) => {
    const access = await orgAccess(deps.store, request, request.params.org);
    const asOf = parseAsOfParam(request.query.asOf);
    const lang = request.query.lang ?? (access.org.lang === "en" ? "en" : "fr");
    const report = await deps.cache.get(access.org, asOf, lang);
    // Staff see no money: their requests never fit the value model. A large organization's
    // page does not wait for a fit (value-cache.ts).
    const values = canSeeScorecards(access.role)
      ? await deps.cache.values.forPage(access.org, asOf, report.charter, report.scorecards.length)
      : undefined;
    // A merged customer's id shows the customer it is merged into (docs/customers.md).
    const shown = resolveCustomerId(report.fixes, request.params.id);
    const customer = await getCustomer(deps.store, access.org.id, access.role, request.params.id, {
      fixes: report.fixes,
      charter: report.charter,
      scorecard: report.byCustomer.get(shown),
      asOf,
      lang,
      values,
      timeline: {
        page: request.query.timelinePage,
        pageSize: request.query.timelinePageSize,
        fact: request.query.fact,
      },
    });
    return { ...customer, can: access.can };
  });

  await app.register(customerRecordRoutes, deps);
};
