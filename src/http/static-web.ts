/**
 * Serves the built web app (web/dist) at `/`, with index.html for any other path outside /api
 * (client-side routing). Without a build, `/` says how to make one.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { appRoot } from "../app/shared/module-url.ts";
import { sendError } from "./error-handler.ts";

export const DEFAULT_WEB_DIST = new URL("web/dist/", appRoot()).pathname;

export async function serveWebApp(app: FastifyInstance, dist: string): Promise<void> {
  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    sendError(reply, "NOT_FOUND", `no route ${request.method} ${request.url.split("?")[0]}`);
  if (!existsSync(join(dist, "index.html"))) {
    app.setNotFoundHandler(notFound);
    app.get("/", { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type("text/plain; charset=utf-8")
        .send("Comptoir: the web app is not built (npm run build:web); the API is under /api.\n"),
    );
    return;
  }
  await app.register(fastifyStatic, { root: dist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || request.method !== "GET") {
      return notFound(request, reply);
    }
    return reply.sendFile("index.html");
  });
}
