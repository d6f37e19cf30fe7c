import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { createApiToken } from "../../../app/accounts/create-api-token.ts";
import { AppError } from "../../../domain/errors.ts";
import { deleteApiToken, listApiTokens } from "../../../store/api-token-repository.ts";
import { requireSession } from "../../auth/authenticate.ts";
import { presentToken } from "../../presenters/present-token.ts";
import type { RouteDeps } from "../../route-deps.ts";
import { createTokenSchema, deleteTokenSchema, listTokensSchema } from "./schema.ts";

// Tokens are managed signed in: a token that could make tokens would outlive its own
// revocation and its creator's password change.
export const tokenRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get("/api/tokens", { schema: listTokensSchema }, async (request) => {
    const actor = requireSession(request, "list API tokens");
    return { items: (await listApiTokens(deps.store, actor.userId)).map(presentToken) };
  });

  app.post("/api/tokens", { schema: createTokenSchema }, async (request, reply) => {
    const actor = requireSession(request, "create API tokens");
    const { row, org, token } = await createApiToken(deps.store, actor.userId, request.body);
    const listed = { ...row, org_slug: org.slug, org_name: org.name };
    return reply.status(201).send({ ...presentToken(listed), token });
  });

  app.delete("/api/tokens/:id", { schema: deleteTokenSchema }, async (request, reply) => {
    const actor = requireSession(request, "revoke API tokens");
    if (!(await deleteApiToken(deps.store, actor.userId, request.params.id))) {
      throw new AppError("NOT_FOUND", `id: no token ${request.params.id} among yours`);
    }
    return reply.status(204).send(null);
  });
};
