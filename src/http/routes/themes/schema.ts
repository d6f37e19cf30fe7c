import { z } from "zod";
import { orgParamsSchema } from "../../contract.ts";
import { errors, langQuery } from "../dashboard/schema.ts";
import {
  acceptSuggestionBodySchema,
  codebookBodySchema,
  codebookResponseSchema,
  dismissSuggestionBodySchema,
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
