import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { createApiToken } from "../../../app/accounts/create-api-token.ts";
import { AppError } from "../../../domain/errors.ts";
import { deleteApiToken, listApiTokens } from "../../../store/api-token-repository.ts";
import { requireActor } from "../../auth/authenticate.ts";
import { presentToken } from "../../presenters/present-token.ts";
import type { RouteDeps } from "../../route-deps.ts";
import { createTokenSchema, deleteTokenSchema, listTokensSchema } from "./schema.ts";

export const tokenRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get("/api/tokens", { schema: listTokensSchema }, async (request) => {
    const actor = requireActor(request);
    return { items: (await listApiTokens(deps.store, actor.userId)).map(presentToken) };
  });

  app.post("/api/tokens", { schema: createTokenSchema }, async (request, reply) => {
    const actor = requireActor(request);
    const { row, token } = await createApiToken(deps.store, actor.userId, request.body.name);
    return reply.status(201).send({ ...presentToken(row), token });
  });

  app.delete("/api/tokens/:id", { schema: deleteTokenSchema }, async (request, reply) => {
    const actor = requireActor(request);
    if (!(await deleteApiToken(deps.store, actor.userId, request.params.id))) {
      throw new AppError("NOT_FOUND", `id: no token ${request.params.id} among yours`);
    }
    return reply.status(204).send(null);
  });
};
