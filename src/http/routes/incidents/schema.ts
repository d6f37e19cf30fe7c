import { orgParamsSchema } from "../../contract.ts";
import { errors } from "../dashboard/schema.ts";
import { incidentResponseSchema, reportIncidentBodySchema } from "./contract.ts";

export const reportIncidentSchema = {
  summary:
    "Reports an incident with a customer (any member); it is the ledger's incident fact, counted by the next scorecard",
  tags: ["incidents"],
  params: orgParamsSchema,
  body: reportIncidentBodySchema,
  response: { 201: incidentResponseSchema, ...errors },
};
