/**
 * GET /api/health/live: the process answers (for a supervisor that restarts it).
 * GET /api/health and /api/health/ready: the database answers too; 503 while it is away (for a
 * load balancer that stops sending requests), and 200 again by itself once it is back.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { DatabaseState } from "../../database-state.ts";
import { type HealthBody, livenessSchema, readinessSchema } from "./contract.ts";

export async function healthRoutes(
  fastify: FastifyInstance,
  deps: { dialect: "sqlite" | "postgres"; database: DatabaseState },
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const readiness = async (_request: unknown, reply: { code(status: number): unknown }) => {
    const status = await deps.database.status();
    const body: HealthBody = {
      status: status.state === "down" ? "unavailable" : "ok",
      database: deps.dialect,
      databaseState: status.state,
    };
    if (status.state === "down") {
      body.message =
        "The database cannot be reached; the server keeps trying and serves again as soon as it answers.";
      reply.code(503);
    } else if (status.state === "slow") {
      body.message = "The database is answering slowly.";
    }
    return body;
  };
  app.get("/api/health", { schema: readinessSchema }, readiness);
  app.get("/api/health/ready", { schema: readinessSchema }, readiness);
  app.get("/api/health/live", { schema: livenessSchema }, async () => ({ status: "ok" as const }));
}
