/**
 * The inbox: what needs an answer, oldest first.
 * The API contract of these routes: one zod schema per input and output, and
 * the inferred types; the web app imports the types. Conventions in src/http/contract.ts.
 */
import { z } from "zod";
import { instant, iso, orgParamsSchema } from "../../contract.ts";
import type { complaintResponseSchema } from "../complaints/contract.ts";
import type { intakeDetailSchema } from "../intake/contract.ts";

export const inboxItemSchema = z.object({
  kind: z.enum(["answer", "complaint", "feedback"]),
  id: z.string(),
  orderId: z.string().nullable(),
  customer: z.string().nullable(),
  text: z.string(),
  since: iso,
  due: iso,
  remainingMinutes: z.number(),
  overdue: z.boolean(),
});
export const inboxResponseSchema = z.object({
  items: z.array(inboxItemSchema),
  counts: z.object({
    total: z.number(),
    overdue: z.number(),
    answer: z.number(),
    complaint: z.number(),
    feedback: z.number(),
  }),
  timeZone: z.string(),
  firstResponseHours: z.number(),
});
export const inboxQuerySchema = z.object({ now: instant.optional() });
export const feedbackParamsSchema = orgParamsSchema.extend({ id: z.string().min(1).max(200) });

export type IntakeDetailResponse = z.infer<typeof intakeDetailSchema>;
export type InboxResponse = z.infer<typeof inboxResponseSchema>;
export type ComplaintResponse = z.infer<typeof complaintResponseSchema>;
