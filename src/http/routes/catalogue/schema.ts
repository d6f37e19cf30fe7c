import { orgParamsSchema } from "../../contract.ts";
import { errors } from "../dashboard/schema.ts";
import {
  catalogueQuerySchema,
  catalogueResponseSchema,
  serviceBodySchema,
  serviceParamsSchema,
  servicePatchSchema,
  serviceSchema,
} from "./contract.ts";

export const listCatalogueSchema = {
  summary: "The service catalogue (cost for managers), by language",
  tags: ["catalogue"],
  params: orgParamsSchema,
  querystring: catalogueQuerySchema,
  response: { 200: catalogueResponseSchema, ...errors },
};
export const createServiceSchema = {
  summary: "Adds a service (managers); same language and code replaces it",
  tags: ["catalogue"],
  params: orgParamsSchema,
  body: serviceBodySchema,
  response: { 201: serviceSchema, ...errors },
};
export const patchServiceSchema = {
  summary: "Changes a service (managers); active=false hides it from intake",
  tags: ["catalogue"],
  params: serviceParamsSchema,
  body: servicePatchSchema,
  response: { 200: serviceSchema, ...errors },
};
