import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { lowerRole, policiesFor } from "../../../domain/policies.ts";
import { listUserOrganizations } from "../../../store/membership-repository.ts";
import { demoShownTo } from "../../auth/demo-account.ts";
import type { RouteDeps } from "../../route-deps.ts";
import { sessionSchema } from "./schema.ts";

export const sessionRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get("/api/session", { schema: sessionSchema }, async (request) => {
    const actor = request.actor;
    const all = actor ? await listUserOrganizations(deps.store, actor.userId) : [];
    // An API token sees its one organization, with its capped role.
    const scope = actor?.token;
    const orgs = scope
      ? all
          .filter((o) => o.id === scope.orgId)
          .map((o) => ({ ...o, role: lowerRole(scope.role, o.role) }))
      : all;
    const demoOwner = orgs.some((o) => o.id === deps.demo?.orgId && o.role === "owner");
    return {
      user: actor
        ? {
            id: actor.userId,
            email: actor.email,
            name: actor.name,
            emailVerified: actor.emailVerified,
          }
        : null,
      organizations: orgs.map((o) => ({
        slug: o.slug,
        name: o.name,
        lang: o.lang,
        timeZone: o.time_zone,
        role: o.role,
        can: policiesFor(o.role),
      })),
      demo: demoShownTo(deps.demo, request, demoOwner),
      instance: { setup: !(await deps.hasUsers()), signUp: deps.signUpMode },
    };
  });
};
