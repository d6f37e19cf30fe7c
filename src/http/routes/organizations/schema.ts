import { errorSchema } from "../../contract.ts";
import {
  createdOrganizationSchema,
  organizationProfileSchema,
  setupBodySchema,
} from "./contract.ts";

const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  429: errorSchema,
};

export const setupSchema = {
  summary:
    "Creates the instance's first account and its workshop with the one-time setup token printed at start, and signs in",
  tags: ["organizations"],
  body: setupBodySchema,
  response: { 201: createdOrganizationSchema, ...errors },
};

export const createOrganizationSchema = {
  summary: "Creates an organization; the signed-in user (address verified) becomes its owner",
  tags: ["organizations"],
  body: organizationProfileSchema,
  response: { 201: createdOrganizationSchema, ...errors },
};
