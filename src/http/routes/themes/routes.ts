import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { computeThemes } from "../../../app/themes/compute-themes.ts";
import {
  acceptSuggestion,
  dismissSuggestion,
  resetCodebook,
  updateCodebook,
} from "../../../app/themes/edit-codebook.ts";
import { parseAsOfParam } from "../../as-of.ts";
import { orgAccess, requirePolicy } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import {
  acceptSuggestionSchema,
  dismissSuggestionSchema,
  resetCodebookSchema,
  themesSchema,
  updateCodebookSchema,
} from "./schema.ts";

export const themeRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get("/api/orgs/:org/themes", { schema: themesSchema }, async (request) => {
    const access = await orgAccess(deps.store, request, request.params.org);
    requirePolicy(access, access.can.seeThemes, "see the themes report");
    const asOf = parseAsOfParam(request.query.asOf);
    const lang = request.query.lang ?? (access.org.lang === "en" ? "en" : "fr");
    const { view } = await computeThemes(deps.store, access.org, { asOf, lang, role: access.role });
    return { ...view, can: access.can };
  });

  app.put("/api/orgs/:org/themes/codebook", { schema: updateCodebookSchema }, async (request) => {
    const access = await orgAccess(deps.store, request, request.params.org);
    requirePolicy(access, access.can.editCodebook, "change the themes codebook");
    const actor = { userId: access.actor.userId, role: access.role };
    return { codebook: await updateCodebook(deps.store, access.org, actor, request.body) };
  });

  app.post(
    "/api/orgs/:org/themes/codebook/reset",
    { schema: resetCodebookSchema },
    async (request) => {
      const access = await orgAccess(deps.store, request, request.params.org);
      requirePolicy(access, access.can.editCodebook, "change the themes codebook");
      const actor = { userId: access.actor.userId, role: access.role };
      return { codebook: await resetCodebook(deps.store, access.org, actor) };
    },
  );

  app.post(
    "/api/orgs/:org/themes/suggestions/:id/accept",
    { schema: acceptSuggestionSchema },
    async (request) => {
      const access = await orgAccess(deps.store, request, request.params.org);
      requirePolicy(access, access.can.editCodebook, "change the themes codebook");
      const actor = { userId: access.actor.userId, role: access.role };
      const codebook = await acceptSuggestion(deps.store, access.org, actor, {
        suggestion: request.params.id,
        label: request.body.label,
        asOf: parseAsOfParam(request.body.asOf),
      });
      return { codebook };
    },
  );

  app.post(
    "/api/orgs/:org/themes/suggestions/:id/dismiss",
    { schema: dismissSuggestionSchema },
    async (request) => {
      const access = await orgAccess(deps.store, request, request.params.org);
      requirePolicy(access, access.can.editCodebook, "change the themes codebook");
      const actor = { userId: access.actor.userId, role: access.role };
      return {
        codebook: await dismissSuggestion(deps.store, access.org, actor, {
          suggestion: request.params.id,
          asOf: parseAsOfParam(request.body?.asOf),
        }),
      };
    },
  );
};
