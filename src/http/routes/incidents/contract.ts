/**
 * Incidents reported by staff.
 * The API contract of these routes: one zod schema per input and output, and
 * the inferred types; the web app imports the types. Conventions in src/http/contract.ts.
 */
import { z } from "zod";
import { iso, text } from "../../contract.ts";

export const reportIncidentBodySchema = z.object({
  customer: z.string().min(1).max(200),
  /** 1 rude, 2 insulting or intimidating, 3 threat, harassment, discrimination or violence. */
  severity: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** The staff member concerned. */
  staff: z.string().trim().max(200).optional(),
  text: text(4000),
  /** When it happened: `2026-03-01` or a date-time with offset; default now. */
  at: z.string().max(40).optional(),
});
export type ReportIncidentBody = z.infer<typeof reportIncidentBodySchema>;
export const incidentResponseSchema = z.object({
  incident: z.object({
    id: z.string(),
    customer: z.string(),
    severity: z.number(),
    staff: z.string().nullable(),
    text: z.string(),
    at: iso,
  }),
});
export type IncidentResponse = z.infer<typeof incidentResponseSchema>;
