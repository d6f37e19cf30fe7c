import { z } from "zod";
import { orgParamsSchema } from "../../contract.ts";
import { errors } from "../dashboard/schema.ts";
import {
  customerParamsSchema,
  customerQuerySchema,
  customerResponseSchema,
  customersQuerySchema,
  customersResponseSchema,
} from "./contract.ts";

export const listCustomersSchema = {
  summary:
    "Customers: search, filter by segment or signal, sort, page (segments and money for managers)",
  tags: ["customers"],
  params: orgParamsSchema,
  querystring: customersQuerySchema.extend({ lang: z.enum(["fr", "en"]).optional() }),
  response: { 200: customersResponseSchema, ...errors },
};
export const getCustomerSchema = {
  summary: "A customer: record, a page of the timeline, scorecard and money (managers)",
  tags: ["customers"],
  params: customerParamsSchema,
  querystring: customerQuerySchema,
  response: { 200: customerResponseSchema, ...errors },
};
