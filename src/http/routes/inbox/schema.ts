import { okSchema, orgParamsSchema } from "../../contract.ts";
import { errors } from "../dashboard/schema.ts";
import { feedbackParamsSchema, inboxQuerySchema, inboxResponseSchema } from "./contract.ts";

export const inboxSchema = {
  summary:
    "Everything waiting for our answer, oldest first, with a countdown to each target; counts for the dashboard",
  tags: ["inbox"],
  params: orgParamsSchema,
  querystring: inboxQuerySchema,
  response: { 200: inboxResponseSchema, ...errors },
};
export const feedbackDoneSchema = {
  summary: "Marks a detractor's feedback as answered (it leaves the inbox)",
  tags: ["inbox"],
  params: feedbackParamsSchema,
  response: { 200: okSchema, ...errors },
};
