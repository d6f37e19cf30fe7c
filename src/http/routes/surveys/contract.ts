/**
 * Surveys (issue 17): sending one by hand, the surveys of a customer, the owner's questions.
 * The public answer pages are HTML (routes.ts). Conventions in src/http/contract.ts.
 */
import { z } from "zod";
import { MAX_EXTRA_QUESTIONS, SURVEY_KINDS } from "../../../domain/surveys/survey-kinds.ts";
import { iso } from "../../contract.ts";

const kind = z.enum(SURVEY_KINDS);
const question = z.string().trim().min(1).max(300);

export const sendSurveyBodySchema = z.object({ kind });
export type SendSurveyBody = z.infer<typeof sendSurveyBodySchema>;

export const surveySchema = z.object({
  id: z.string(),
  kind,
  email: z.string(),
  lang: z.enum(["fr", "en"]),
  trigger: z.enum(["delivery", "daily", "manual"]),
  sentAt: iso,
  expiresAt: iso,
  answeredAt: iso.nullable(),
  feedbackId: z.string().nullable(),
});
export const surveySentResponseSchema = z.object({ survey: surveySchema });
export type SurveySentResponse = z.infer<typeof surveySentResponseSchema>;
export const surveysOfCustomerResponseSchema = z.object({
  surveys: z.array(surveySchema),
  /** Why a survey cannot go now, or null when it can. */
  refusal: z.enum(["no_email", "opted_out", "relationship_ended", "too_soon"]).nullable(),
});
export type SurveysOfCustomerResponse = z.infer<typeof surveysOfCustomerResponseSchema>;

export const surveyTemplateBodySchema = z.object({
  kind,
  lang: z.enum(["fr", "en"]),
  recommend: question,
  open: question,
  extra: z.array(question).max(MAX_EXTRA_QUESTIONS).default([]),
});
export type SurveyTemplateBody = z.infer<typeof surveyTemplateBodySchema>;

export const surveyTemplatesResponseSchema = z.object({
  templates: z.array(
    z.object({
      kind,
      lang: z.enum(["fr", "en"]),
      recommend: z.string(),
      open: z.string(),
      extra: z.array(z.string()),
      /** False while the defaults stand. */
      custom: z.boolean(),
    }),
  ),
});
export type SurveyTemplatesResponse = z.infer<typeof surveyTemplatesResponseSchema>;
