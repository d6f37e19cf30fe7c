import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { getDashboard, NEW_SINCE_DAYS } from "../../../app/get-dashboard.ts";
import { parseAsOfParam } from "../../as-of.ts";
import { orgAccess, requirePolicy } from "../../org-access.ts";
import type { RouteDeps } from "../../server.ts";
import { dashboardSchema } from "./schema.ts";

export const dashboardRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get("/api/orgs/:org/dashboard", { schema: dashboardSchema }, async (request) => {
    const access = await orgAccess(deps.store, request, request.params.org);
    requirePolicy(access, access.can.seePortfolio, "see the portfolio");
    const asOf = parseAsOfParam(request.query.asOf);
    const lang = request.query.lang ?? (access.org.lang === "en" ? "en" : "fr");
    const report = await deps.cache.get(access.org, asOf, lang);
    const values = await deps.cache.values.get(access.org, asOf, report.charter);
    const earlier = await deps.cache.get(access.org, asOf - NEW_SINCE_DAYS * 86_400_000, lang);
    const before = new Map(earlier.scorecards.map((c) => [c.customer, c.segment]));
    return {
      ...getDashboard(
        report.scorecards,
        report.charter,
        access.role,
        asOf,
        { values, lang },
        before,
      ),
      can: access.can,
    };
  });
};
