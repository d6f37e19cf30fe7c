import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listThemeChanges, themeChangeItem } from "../../../app/themes/list-theme-changes.ts";
import { decideThemeChange, recordThemeChange } from "../../../app/themes/record-theme-change.ts";
import { orgAccess, requirePolicy } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import { decideChangeSchema, listChangesSchema, recordChangeSchema } from "./schema.ts";

/** Changes decided because of themes, and "you said, we did" (docs/themes.md). */
export const themeChangeRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get("/api/orgs/:org/themes/changes", { schema: listChangesSchema }, async (request) => {
    const access = await orgAccess(deps.store, request, request.params.org);
    requirePolicy(access, access.can.seeThemes, "see the themes report");
    const lang = request.query.lang ?? (access.org.lang === "en" ? "en" : "fr");
    return {
      changes: await listThemeChanges(deps.store, access.org, access.role, lang),
      can: access.can,
    };
  });

  app.post(
    "/api/orgs/:org/themes/changes",
    { schema: recordChangeSchema },
    async (request, reply) => {
      const access = await orgAccess(deps.store, request, request.params.org);
      requirePolicy(access, access.can.recordChanges, "record changes decided because of themes");
      const actor = { userId: access.actor.userId, role: access.role };
      const lang = access.org.lang === "en" ? "en" : "fr";
      const change = await recordThemeChange(deps.store, access.org, actor, request.body);
      return reply.status(201).send({
        change: await themeChangeItem(deps.store, access.org, access.role, lang, change.id),
      });
    },
  );

  app.post(
    "/api/orgs/:org/themes/changes/:id/decide",
    { schema: decideChangeSchema },
    async (request) => {
      const access = await orgAccess(deps.store, request, request.params.org);
      requirePolicy(access, access.can.recordChanges, "record changes decided because of themes");
      const actor = { userId: access.actor.userId, role: access.role };
      const lang = access.org.lang === "en" ? "en" : "fr";
      const change = await decideThemeChange(
        deps.store,
        access.org,
        actor,
        request.params.id,
        request.body,
      );
      return {
        change: await themeChangeItem(deps.store, access.org, access.role, lang, change.id),
      };
    },
  );
};
