import { z } from "zod";

/** The public page is HTML, outside /api: kept out of the OpenAPI document. */
export const ackParamsSchema = z.object({ token: z.string().min(10).max(200) });
export const ackQuerySchema = z.object({ lang: z.enum(["fr", "en"]).optional() });
export const ackPageSchema = { hide: true, params: ackParamsSchema, querystring: ackQuerySchema };
/** The form's fields, parsed from application/x-www-form-urlencoded. */
export const ackFormSchema = z.object({
  name: z.string().max(200).default(""),
  ack: z.array(z.string().max(100)).max(100).default([]),
  answers: z.record(z.string(), z.string().max(4000)).default({}),
});
export type AckForm = z.infer<typeof ackFormSchema>;
