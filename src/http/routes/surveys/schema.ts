import { z } from "zod";
import { errorSchema, orgParamsSchema } from "../../contract.ts";
import { errors } from "../dashboard/schema.ts";
import {
  sendSurveyBodySchema,
  surveySentResponseSchema,
  surveysOfCustomerResponseSchema,
  surveyTemplateBodySchema,
  surveyTemplatesResponseSchema,
} from "./contract.ts";

/** The public pages are HTML, outside /api: kept out of the OpenAPI document. */
const publicParams = z.object({
  org: z.string().min(1).max(63),
  token: z.string().min(20).max(200),
});
export const surveyPageSchema = {
  hide: true,
  params: publicParams,
  querystring: z.object({ score: z.string().max(4).optional() }),
};
export const surveyOptOutSchema = { hide: true, params: publicParams };

/** The form's fields, from application/x-www-form-urlencoded. */
export const surveyFormSchema = z.object({
  score: z.string().max(4).default(""),
  text: z.string().max(4000).default(""),
  extra: z.array(z.string().max(4000)).max(3).default([]),
  website: z.string().max(500).default(""),
  stamp: z.string().max(200).default(""),
});

const customerParams = orgParamsSchema.extend({ id: z.string().min(1).max(200) });

export const sendSurveySchema = {
  summary: "Sends this customer a survey by e-mail now (through the outbox)",
  tags: ["surveys"],
  params: customerParams,
  body: sendSurveyBodySchema,
  response: { 201: surveySentResponseSchema, ...errors, 409: errorSchema },
};

export const customerSurveysSchema = {
  summary: "The surveys sent to this customer, answered or not",
  tags: ["surveys"],
  params: customerParams,
  response: { 200: surveysOfCustomerResponseSchema, ...errors },
};

export const surveyTemplatesSchema = {
  summary: "The questions of each survey, in French and English (the owner's or the defaults)",
  tags: ["surveys"],
  params: orgParamsSchema,
  response: { 200: surveyTemplatesResponseSchema, ...errors },
};

export const saveSurveyTemplateSchema = {
  summary: "Rewrites the questions of one survey in one language (owner)",
  tags: ["surveys"],
  params: orgParamsSchema,
  body: surveyTemplateBodySchema,
  response: { 200: surveyTemplatesResponseSchema, ...errors },
};
