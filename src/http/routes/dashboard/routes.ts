import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Policies } from "../../../domain/policies.ts";
import { parseAsOfParam } from "../../as-of.ts";
import { type Dashboard, dashboardView } from "../../dashboard-view.ts";
import { orgAccess, requirePolicy } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import { dashboardResponseSchema } from "./contract.ts";
import { dashboardSchema } from "./schema.ts";

/**
 * The JSON of a kept dashboard per set of policies: checking 1,000 scatter points against the
 * schema and writing them out on every request cost more than the rest of the request. The
 * JSON is checked against the response schema once, when it is written.
 */
const sent = new WeakMap<Dashboard, Map<string, string>>();
function json(dashboard: Dashboard, can: Policies): string {
  const key = JSON.stringify(can);
  let byCan = sent.get(dashboard);
  if (!byCan) {
    byCan = new Map();
    sent.set(dashboard, byCan);
  }
  let body = byCan.get(key);
  if (body === undefined) {
    body = JSON.stringify(dashboardResponseSchema.parse({ ...dashboard, can }));
    byCan.set(key, body);
  }
  return body;
}

export const dashboardRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get("/api/orgs/:org/dashboard", { schema: dashboardSchema }, async (request, reply) => {
    const access = await orgAccess(deps.store, request, request.params.org);
    requirePolicy(access, access.can.seePortfolio, "see the portfolio");
    const asOf = parseAsOfParam(request.query.asOf);
    const lang = request.query.lang ?? (access.org.lang === "en" ? "en" : "fr");
    // Computed once per state of the scorecards and the fit (dashboard-view.ts).
    const dashboard = await dashboardView(deps.cache, access.org, access.role, asOf, lang);
    // This reply's serializer hands out the kept JSON instead of writing it again.
    return reply
      .serializer(() => json(dashboard, access.can))
      .send({ ...dashboard, can: access.can });
  });
};
