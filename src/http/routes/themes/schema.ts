import { z } from "zod";
import { orgParamsSchema } from "../../contract.ts";
import { errors, langQuery } from "../dashboard/schema.ts";
import {
  acceptSuggestionBodySchema,
  codebookBodySchema,
  codebookResponseSchema,
  decideChangeBodySchema,
  dismissSuggestionBodySchema,
  recordChangeBodySchema,
  themeChangeResponseSchema,
  themeChangesResponseSchema,
  themesResponseSchema,
} from "./contract.ts";

const suggestionParams = orgParamsSchema.extend({ id: z.string().min(1).max(40) });

export const themesSchema = {
  summary:
    "Recurring themes of the feedback as of a date: count, monthly trend, detractors, sources, quotes, and suggested new themes (managers)",
  tags: ["themes"],
  params: orgParamsSchema,
  querystring: langQuery,
  response: { 200: themesResponseSchema, ...errors },
};

export const updateCodebookSchema = {
  summary:
    "Replaces the themes codebook: themes, labels and keywords in French and English (owners)",
  tags: ["themes"],
  params: orgParamsSchema,
  body: codebookBodySchema,
  response: { 200: codebookResponseSchema, ...errors },
};

export const resetCodebookSchema = {
  summary: "Puts the default codebook back (owners); dismissed suggestions stay dismissed",
  tags: ["themes"],
  params: orgParamsSchema,
  response: { 200: codebookResponseSchema, ...errors },
};

export const acceptSuggestionSchema = {
  summary:
    "Accepts a suggested theme under the owner's name for it: it joins the codebook (owners)",
  tags: ["themes"],
  params: suggestionParams,
  body: acceptSuggestionBodySchema,
  response: { 200: codebookResponseSchema, ...errors },
};

export const dismissSuggestionSchema = {
  summary: "Dismisses a suggested theme: it is not suggested again (owners)",
  tags: ["themes"],
  params: suggestionParams,
  body: dismissSuggestionBodySchema.optional(),
  response: { 200: codebookResponseSchema, ...errors },
};

const changeParams = orgParamsSchema.extend({ id: z.string().min(1).max(40) });

export const listChangesSchema = {
  summary:
    "Changes decided because of themes, with how many people were told (managers and owners)",
  tags: ["themes"],
  params: orgParamsSchema,
  querystring: z.object({ lang: z.enum(["fr", "en"]).optional() }),
  response: { 200: themeChangesResponseSchema, ...errors },
};

export const recordChangeSchema = {
  summary:
    "Records a change decided because of one or more themes, planned, done or declined with its reason (managers and owners)",
  tags: ["themes"],
  params: orgParamsSchema,
  body: recordChangeBodySchema,
  response: { 201: themeChangeResponseSchema, ...errors },
};

export const decideChangeSchema = {
  summary:
    "Marks a planned change done or declined (with the reason): each person who raised one of its themes gets one 'you said, we did' e-mail (managers and owners)",
  tags: ["themes"],
  params: changeParams,
  body: decideChangeBodySchema,
  response: { 200: themeChangeResponseSchema, ...errors },
};
