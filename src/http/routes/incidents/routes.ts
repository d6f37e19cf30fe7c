import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { reportIncident } from "../../../app/relationships/report-incident.ts";
import { AppError } from "../../../domain/errors.ts";
import { orgAccess, requirePolicy } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import { intakeContext } from "../intake/present-intake.ts";
import { reportIncidentSchema } from "./schema.ts";

/** `2026-03-01` (midnight UTC) or a date-time with an offset, or BAD_INPUT naming `at`. */
export function parseAt(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value);
  const ms = ok ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms))
    throw new AppError("BAD_INPUT", "at: must be a date (2026-03-01) or a date-time with offset");
  return ms;
}

export const incidentRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.post("/api/orgs/:org/incidents", { schema: reportIncidentSchema }, async (request, reply) => {
    const access = await orgAccess(deps.store, request, request.params.org);
    requirePolicy(access, access.can.recordFacts, "report incidents");
    const body = request.body;
    const fact = await reportIncident(intakeContext(deps.store, access), {
      customer: body.customer,
      severity: body.severity,
      staff: body.staff || undefined,
      text: body.text,
      at: parseAt(body.at),
    });
    return reply.status(201).send({
      incident: {
        id: fact.id,
        customer: fact.customer,
        severity: fact.severity,
        staff: fact.staff ?? null,
        text: fact.text ?? "",
        at: new Date(fact.at).toISOString(),
      },
    });
  });
};
