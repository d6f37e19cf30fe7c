/** Customer records: create, correct, archive, duplicates, merge (docs/customers.md). */
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { setArchived } from "../../../app/customers/archive-customer.ts";
import { correctCustomer } from "../../../app/customers/correct-customer.ts";
import { createCustomer } from "../../../app/customers/create-customer.ts";
import {
  findCustomerDuplicates,
  likelyDuplicates,
} from "../../../app/customers/find-customer-duplicates.ts";
import { mergeCustomer, unmergeCustomer } from "../../../app/customers/merge-customers.ts";
import { presentBrief, presentRecord } from "../../../app/customers/present-record.ts";
import { orgAccess } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import { intakeContext } from "../intake/present-intake.ts";
import {
  archiveCustomerSchema,
  correctCustomerSchema,
  createCustomerSchema,
  duplicatesSchema,
  mergeCustomerSchema,
  unarchiveCustomerSchema,
  unmergeCustomerSchema,
} from "./schema.ts";

export const customerRecordRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const context = async (request: FastifyRequest & { params: { org: string } }) =>
    intakeContext(deps.store, await orgAccess(deps.store, request, request.params.org));

  app.post("/api/orgs/:org/customers", { schema: createCustomerSchema }, async (request, reply) => {
    const ctx = await context(request);
    const record = await createCustomer(ctx, request.body);
    const found = await likelyDuplicates(ctx, { customer: record.id, limit: 10 });
    const duplicates = found.pairs.map((p) => ({
      ...presentBrief(p.a.id === record.id ? p.b : p.a),
      reasons: p.reasons,
    }));
    return reply.status(201).send({ customer: presentRecord(record), duplicates });
  });

  app.patch("/api/orgs/:org/customers/:id", { schema: correctCustomerSchema }, async (request) => {
    const ctx = await context(request);
    const { record, changed } = await correctCustomer(ctx, request.params.id, request.body);
    return { customer: presentRecord(record), changed };
  });

  for (const [path, archived, schema] of [
    ["archive", true, archiveCustomerSchema],
    ["unarchive", false, unarchiveCustomerSchema],
  ] as const) {
    app.post(`/api/orgs/:org/customers/:id/${path}`, { schema }, async (request) => {
      const ctx = await context(request);
      const { record, changed } = await setArchived(ctx, request.params.id, archived);
      return { customer: presentRecord(record), changed };
    });
  }

  app.post(
    "/api/orgs/:org/customers/:id/merge",
    { schema: mergeCustomerSchema },
    async (request) => {
      const ctx = await context(request);
      const { merged, into } = await mergeCustomer(ctx, request.params.id, request.body.into);
      return { merged: presentRecord(merged), into: presentRecord(into) };
    },
  );

  app.post(
    "/api/orgs/:org/customers/:id/unmerge",
    { schema: unmergeCustomerSchema },
    async (request) => {
      const ctx = await context(request);
      const record = await unmergeCustomer(ctx, request.params.id);
      return { customer: presentRecord(record), changed: true };
    },
  );

  app.get("/api/orgs/:org/customer-duplicates", { schema: duplicatesSchema }, async (request) => {
    const ctx = await context(request);
    const found = await findCustomerDuplicates(ctx, { customer: request.query.customer });
    return {
      total: found.total,
      pairs: found.pairs.map((p) => ({
        a: presentBrief(p.a),
        b: presentBrief(p.b),
        reasons: p.reasons,
      })),
    };
  });
};
