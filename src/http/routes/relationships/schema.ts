import { orgParamsSchema } from "../../contract.ts";
import { errors } from "../dashboard/schema.ts";
import {
  decisionParamsSchema,
  decisionResponseSchema,
  endedQuerySchema,
  endedResponseSchema,
  letterBodySchema,
  letterResponseSchema,
  partWaysBodySchema,
  relationshipParamsSchema,
  relationshipResponseSchema,
  resumeBodySchema,
  sendResponseSchema,
} from "./contract.ts";

const tags = ["relationships"];
const withConflict = { ...errors, 409: errors[400] };

export const endedSchema = {
  summary: "Customers whose relationship the owner ended (every member: the counter must know)",
  tags,
  params: orgParamsSchema,
  querystring: endedQuerySchema,
  response: { 200: endedResponseSchema, ...errors },
};
export const relationshipSchema = {
  summary:
    "Where the relationship stands: the recommendation with its evidence and every decision (managers)",
  tags,
  params: relationshipParamsSchema,
  response: { 200: relationshipResponseSchema, ...errors },
};
export const letterSchema = {
  summary: "Drafts the parting letter from the template (owner), to edit before sending",
  tags,
  params: relationshipParamsSchema,
  body: letterBodySchema,
  response: { 200: letterResponseSchema, ...errors },
};
export const partWaysSchema = {
  summary:
    "Ends the relationship: reason, explanation, evidence, door open or closed, letter (owner)",
  tags,
  params: relationshipParamsSchema,
  body: partWaysBodySchema,
  response: { 201: decisionResponseSchema, ...withConflict },
};
export const resumeSchema = {
  summary: "Resumes an ended relationship with a new decision (owner)",
  tags,
  params: relationshipParamsSchema,
  body: resumeBodySchema,
  response: { 201: decisionResponseSchema, ...withConflict },
};
export const letterPdfSchema = {
  summary: "A parting decision's letter as a PDF (managers)",
  tags,
  params: decisionParamsSchema,
};
export const sendLetterSchema = {
  summary: "E-mails a parting letter to the customer through the outbox (owner)",
  tags,
  params: decisionParamsSchema,
  response: { 200: sendResponseSchema, ...errors },
};
