/**
 * Time by activity (issue 16): the member's timer, manual entries, a customer's time and its
 * cost, the report of non-billable time. Conventions in src/http/contract.ts.
 */
import { z } from "zod";
import { TIME_ACTIVITIES } from "../../../domain/facts.ts";
import { iso } from "../../contract.ts";

const activity = z.enum(TIME_ACTIVITIES);
const id = z.string().trim().min(1).max(200);

export const startTimerBodySchema = z.object({
  /** The customer; may be left out when `order` is given (the order names it). */
  customer: id.optional(),
  order: id.optional(),
  activity,
});
export type StartTimerBody = z.infer<typeof startTimerBodySchema>;

export const stopTimerBodySchema = z.object({
  /** The activity the time goes to, when it turned out other than the one started. */
  activity: activity.optional(),
});
export type StopTimerBody = z.infer<typeof stopTimerBodySchema>;

export const logTimeBodySchema = z.object({
  customer: id.optional(),
  order: id.optional(),
  activity,
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** When the work was done: `2026-03-01` or a date-time with offset; default now. */
  at: z.string().max(40).optional(),
});
export type LogTimeBody = z.infer<typeof logTimeBodySchema>;

export const timerSchema = z.object({
  customer: z.string(),
  customerName: z.string(),
  order: z.string().nullable(),
  activity,
  startedAt: iso,
});
export const timerResponseSchema = z.object({ timer: timerSchema.nullable() });
export type TimerResponse = z.infer<typeof timerResponseSchema>;

export const timeEntrySchema = z.object({
  id: z.string(),
  customer: z.string(),
  order: z.string().nullable(),
  activity,
  minutes: z.number(),
  staff: z.string().nullable(),
  at: iso,
});
export const timeEntryResponseSchema = z.object({ entry: timeEntrySchema });
export type TimeEntryResponse = z.infer<typeof timeEntryResponseSchema>;

const windowSchema = z.object({ start: iso, end: iso, months: z.number() });

export const customerTimeResponseSchema = z.object({
  currency: z.string(),
  /** The charter's hour_cost; null for roles that do not see costs (staff). */
  hourCost: z.number().nullable(),
  window: windowSchema,
  minutes: z.number(),
  nonBillableMinutes: z.number(),
  /** Decimal amounts in the currency; null for staff. */
  cost: z.number().nullable(),
  nonBillableCost: z.number().nullable(),
  activities: z.array(z.object({ activity, minutes: z.number(), cost: z.number().nullable() })),
});
export type CustomerTimeResponse = z.infer<typeof customerTimeResponseSchema>;

export const nonBillableResponseSchema = z.object({
  currency: z.string(),
  hourCost: z.number(),
  window: windowSchema,
  customers: z.array(
    z.object({
      customer: z.string(),
      name: z.string(),
      minutes: z.number(),
      cost: z.number(),
      chasing: z.number(),
      revision: z.number(),
      negotiation: z.number(),
      complaint: z.number(),
    }),
  ),
});
export type NonBillableResponse = z.infer<typeof nonBillableResponseSchema>;
