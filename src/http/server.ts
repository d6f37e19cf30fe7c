/**
 * The HTTP server. For now: a plain page listing an organization's customers and segments,
 * and a health check; the web app and the JSON API come with the web-app issue.
 */
import Fastify, { type FastifyInstance } from "fastify";
import type { Store } from "../store/database.ts";
import { homeRoutes } from "./routes/home/routes.ts";

export interface ServerOptions {
  store: Store;
  /** Organization shown by default on the home page. */
  defaultOrg: string;
  logger?: boolean;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false });
  app.get("/api/health", async () => ({ status: "ok", database: options.store.dialect }));
  await app.register(homeRoutes, options);
  return app;
}
