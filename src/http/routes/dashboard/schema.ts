import { z } from "zod";
import { errorSchema, orgParamsSchema } from "../../contract.ts";
import { dashboardResponseSchema } from "./contract.ts";

export const langQuery = z.object({
  asOf: z.string().max(40).optional(),
  lang: z.enum(["fr", "en"]).optional(),
});
export const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

export const dashboardSchema = {
  summary: "Segments, whale curve, concentration, revenue and margin, needs attention (managers)",
  tags: ["portfolio"],
  params: orgParamsSchema,
  querystring: langQuery,
  response: { 200: dashboardResponseSchema, ...errors },
};
