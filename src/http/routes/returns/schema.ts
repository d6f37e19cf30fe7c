import { orgParamsSchema } from "../../contract.ts";
import { errors } from "../dashboard/schema.ts";
import {
  returnBodySchema,
  returnResponseSchema,
  returnsQuerySchema,
  returnsResponseSchema,
} from "./contract.ts";

export const listReturnsSchema = {
  summary: "A customer's returns, newest first (shown when registering a new one)",
  tags: ["returns"],
  params: orgParamsSchema,
  querystring: returnsQuerySchema,
  response: { 200: returnsResponseSchema, ...errors },
};
export const registerReturnSchema = {
  summary: "Registers a return or exchange against the warranty end computed from delivery",
  tags: ["returns"],
  params: orgParamsSchema,
  body: returnBodySchema,
  response: { 201: returnResponseSchema, ...errors, 409: errors[400] },
};
