import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { previewCharter } from "../../../app/scorecards/preview-charter.ts";
import { DEFAULT_CHARTER } from "../../../domain/charter.ts";
import { getCharter, updateCharter } from "../../../store/charter-repository.ts";
import type { Store } from "../../../store/database.ts";
import { parseAsOfParam } from "../../as-of.ts";
import { type OrgAccess, orgAccess, requirePolicy } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import { getCharterSchema, patchCharterSchema, previewCharterSchema } from "./schema.ts";

async function present(store: Store, access: OrgAccess) {
  const row = await store.db
    .selectFrom("charters")
    .select("updated_at")
    .where("org_id", "=", access.org.id)
    .executeTakeFirst();
  return {
    charter: await getCharter(store, access.org.id),
    defaults: { ...DEFAULT_CHARTER },
    updatedAt: row?.updated_at ?? null,
    can: access.can,
  };
}

export const charterRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { store } = deps;
  app.get("/api/orgs/:org/charter", { schema: getCharterSchema }, async (request) => {
    const access = await orgAccess(store, request, request.params.org);
    requirePolicy(access, access.can.seeCharter, "see the charter");
    return present(store, access);
  });

  app.patch("/api/orgs/:org/charter", { schema: patchCharterSchema }, async (request) => {
    const access = await orgAccess(store, request, request.params.org);
    requirePolicy(access, access.can.editCharter, "change the charter");
    await updateCharter(store, access.org.id, request.body);
    return present(store, access);
  });

  app.post("/api/orgs/:org/charter/preview", { schema: previewCharterSchema }, async (request) => {
    const access = await orgAccess(store, request, request.params.org);
    requirePolicy(access, access.can.seeCharter, "see the charter");
    const asOf = parseAsOfParam(request.query.asOf);
    const lang = request.query.lang ?? (access.org.lang === "en" ? "en" : "fr");
    const current = await deps.cache.get(access.org, asOf, lang);
    return previewCharter(store, access.org, access.role, current.scorecards, request.body, {
      asOf,
      lang,
    });
  });
};
