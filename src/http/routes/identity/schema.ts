import { z } from "zod";
import { errorSchema, orgParamsSchema } from "../../contract.ts";
import { errors } from "../dashboard/schema.ts";
import {
  firstStepsResponseSchema,
  identityBodySchema,
  identityResponseSchema,
} from "./contract.ts";

const tags = ["identity"];
const logoErrors = { ...errors, 413: errorSchema, 415: errorSchema };

export const getIdentitySchema = {
  summary: "The organization's identity on its documents (every member)",
  tags,
  params: orgParamsSchema,
  response: { 200: identityResponseSchema, ...errors },
};
export const putIdentitySchema = {
  summary: "Saves the identity (owner); each wrong field is named, nothing changes then",
  tags,
  params: orgParamsSchema,
  body: identityBodySchema,
  response: { 200: identityResponseSchema, ...errors },
};
export const putLogoSchema = {
  summary: "Sets the logo (owner): a multipart `file` part, PNG or JPEG, up to 2 MB",
  tags,
  params: orgParamsSchema,
  consumes: ["multipart/form-data"],
  response: { 200: identityResponseSchema, ...logoErrors },
};
export const deleteLogoSchema = {
  summary: "Takes the logo off the documents (owner)",
  tags,
  params: orgParamsSchema,
  response: { 200: identityResponseSchema, ...errors },
};
export const getLogoSchema = {
  summary: "The logo, downscaled (PNG or JPEG)",
  tags,
  params: orgParamsSchema,
  querystring: z.object({ v: z.string().max(64).optional() }),
};
export const firstStepsSchema = {
  summary: "A new organization's checklist: identity, three services, customers, first intake",
  tags,
  params: orgParamsSchema,
  response: { 200: firstStepsResponseSchema, ...errors },
};
