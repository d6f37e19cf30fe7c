import { z } from "zod";
import { errorSchema } from "../../contract.ts";
import {
  createTokenBodySchema,
  createTokenResponseSchema,
  tokenParamsSchema,
  tokensResponseSchema,
} from "./contract.ts";

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

export const listTokensSchema = {
  summary: "The signed-in user's API tokens (without their secrets)",
  tags: ["tokens"],
  response: { 200: tokensResponseSchema, ...errors },
};
export const createTokenSchema = {
  summary: "Creates an API token; the secret is in this response only",
  tags: ["tokens"],
  body: createTokenBodySchema,
  response: { 201: createTokenResponseSchema, ...errors },
};
export const deleteTokenSchema = {
  summary: "Revokes an API token",
  tags: ["tokens"],
  params: tokenParamsSchema,
  response: { 204: z.null(), ...errors },
};
