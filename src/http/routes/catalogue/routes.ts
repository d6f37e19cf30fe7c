import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AppError } from "../../../domain/errors.ts";
import { fromMinor, minorDigits } from "../../../domain/money.ts";
import { canEditCatalogue, canSeeCosts } from "../../../domain/policies.ts";
import {
  type CatalogueService,
  findService,
  listServices,
  saveService,
} from "../../../store/catalogue-repository.ts";
import { getCharter } from "../../../store/charter-repository.ts";
import { type OrgAccess, orgAccess, requirePolicy } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import { toMinorField } from "../intake/present-intake.ts";
import * as s from "./schema.ts";

function present(service: CatalogueService, currency: string, seeCosts: boolean) {
  const d = minorDigits(currency);
  const { cost, ...rest } = service;
  return {
    ...rest,
    price: fromMinor(service.price, d),
    ...(seeCosts ? { cost: fromMinor(cost, d) } : {}),
  };
}

export const catalogueRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { store }) => {
  async function editor(
    request: Parameters<typeof orgAccess>[1],
    slug: string,
  ): Promise<OrgAccess> {
    const access = await orgAccess(store, request, slug);
    requirePolicy(access, canEditCatalogue(access.role), "change the catalogue");
    return access;
  }

  app.get("/api/orgs/:org/catalogue", { schema: s.listCatalogueSchema }, async (request) => {
    const access = await orgAccess(store, request, request.params.org);
    const { currency } = await getCharter(store, access.org.id);
    const items = await listServices(store, access.org.id, {
      lang: request.query.lang,
      includeInactive: request.query.all === "true",
    });
    return {
      currency,
      items: items.map((i) => present(i, currency, canSeeCosts(access.role))),
      canEdit: canEditCatalogue(access.role),
    };
  });

  app.post(
    "/api/orgs/:org/catalogue",
    { schema: s.createServiceSchema },
    async (request, reply) => {
      const access = await editor(request, request.params.org);
      const { currency } = await getCharter(store, access.org.id);
      const b = request.body;
      const saved = await saveService(store, access.org.id, {
        ...b,
        price: toMinorField(b.price, currency, "price"),
        cost: toMinorField(b.cost, currency, "cost"),
      });
      return reply.status(201).send(present(saved, currency, true));
    },
  );

  app.patch("/api/orgs/:org/catalogue/:id", { schema: s.patchServiceSchema }, async (request) => {
    const access = await editor(request, request.params.org);
    const { currency } = await getCharter(store, access.org.id);
    const existing = await findService(store, access.org.id, request.params.id);
    if (!existing)
      throw new AppError("NOT_FOUND", `id: no service "${request.params.id}" in the catalogue`);
    const b = request.body;
    const saved = await saveService(store, access.org.id, {
      ...existing,
      ...b,
      id: existing.id,
      price: b.price === undefined ? existing.price : toMinorField(b.price, currency, "price"),
      cost: b.cost === undefined ? existing.cost : toMinorField(b.cost, currency, "cost"),
    });
    return present(saved, currency, true);
  });
};
