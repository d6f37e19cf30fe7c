import { orgParamsSchema } from "../../contract.ts";
import { errors } from "../dashboard/schema.ts";
import {
  complaintParamsSchema,
  complaintResponseSchema,
  complaintsQuerySchema,
  complaintsResponseSchema,
  openComplaintBodySchema,
  resolveBodySchema,
  respondBodySchema,
} from "./contract.ts";

const tags = ["complaints"];
const one = { 200: complaintResponseSchema, ...errors, 409: errors[400] };

export const listComplaintsSchema = {
  summary: "Complaints, oldest first (open=true: not resolved)",
  tags,
  params: orgParamsSchema,
  querystring: complaintsQuerySchema,
  response: { 200: complaintsResponseSchema, ...errors },
};
export const openComplaintSchema = {
  summary:
    "Opens a complaint from an order or a customer; the order's disclosures come back with it",
  tags,
  params: orgParamsSchema,
  body: openComplaintBodySchema,
  response: { 201: complaintResponseSchema, ...errors },
};
export const getComplaintSchema = {
  summary: "A complaint with the disclosures of its order",
  tags,
  params: complaintParamsSchema,
  response: one,
};
export const respondSchema = {
  summary: "Records the first response (the complaint leaves the inbox)",
  tags,
  params: complaintParamsSchema,
  body: respondBodySchema,
  response: one,
};
export const resolveSchema = {
  summary:
    "Resolves it: fault and why, covering disclosure, remedy (a redo is a linked zero-price order)",
  tags,
  params: complaintParamsSchema,
  body: resolveBodySchema,
  response: one,
};
