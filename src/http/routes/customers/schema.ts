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
import {
  correctCustomerBodySchema,
  createCustomerBodySchema,
  createCustomerResponseSchema,
  duplicatesQuerySchema,
  duplicatesResponseSchema,
  mergeBodySchema,
  mergeResponseSchema,
  recordChangeResponseSchema,
} from "./contract-records.ts";

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

const conflict = { 409: errors[400] };
const changed = { 200: recordChangeResponseSchema, ...errors, ...conflict };

export const createCustomerSchema = {
  summary:
    "Creates a customer (any member): a business customer may carry its address, SIREN and VAT number; the answer lists customers it looks like",
  tags: ["customers"],
  params: orgParamsSchema,
  body: createCustomerBodySchema,
  response: { 201: createCustomerResponseSchema, ...errors },
};
export const correctCustomerSchema = {
  summary:
    "Corrects a customer's contact details (any member): a correction fact that carries the whole record; an empty text clears a field",
  tags: ["customers"],
  params: customerParamsSchema,
  body: correctCustomerBodySchema,
  response: changed,
};
export const archiveCustomerSchema = {
  summary:
    "Archives a customer (managers): hidden from lists and pickers, still in the ledger, scorecards and portfolio",
  tags: ["customers"],
  params: customerParamsSchema,
  response: changed,
};
export const unarchiveCustomerSchema = {
  summary: "Brings an archived customer back to the lists (managers)",
  tags: ["customers"],
  params: customerParamsSchema,
  response: changed,
};
export const mergeCustomerSchema = {
  summary:
    "Merges this customer into another (managers): its ledger is read as the other's, its id leads there; undone by unmerge",
  tags: ["customers"],
  params: customerParamsSchema,
  body: mergeBodySchema,
  response: { 200: mergeResponseSchema, ...errors, ...conflict },
};
export const unmergeCustomerSchema = {
  summary: "Undoes a merge (managers): the customer and its ledger stand alone again",
  tags: ["customers"],
  params: customerParamsSchema,
  response: changed,
};
export const duplicatesSchema = {
  summary:
    "Likely duplicate customers (managers): same e-mail, same phone in E.164, or names within two edits",
  tags: ["customers"],
  params: orgParamsSchema,
  querystring: duplicatesQuerySchema,
  response: { 200: duplicatesResponseSchema, ...errors },
};
