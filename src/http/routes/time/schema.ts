import { z } from "zod";
import { asOfQuerySchema, errorSchema, okSchema, orgParamsSchema } from "../../contract.ts";
import { errors } from "../dashboard/schema.ts";
import {
  customerTimeResponseSchema,
  logTimeBodySchema,
  nonBillableResponseSchema,
  startTimerBodySchema,
  stopTimerBodySchema,
  timeEntryResponseSchema,
  timerResponseSchema,
} from "./contract.ts";

const conflict = { ...errors, 409: errorSchema };

export const getTimerSchema = {
  summary: "The caller's running timer, if any (it survives a reload and a restart)",
  tags: ["time"],
  params: orgParamsSchema,
  response: { 200: timerResponseSchema, ...errors },
};

export const startTimerSchema = {
  summary: "Starts the caller's timer on a customer or an order (one running per member)",
  tags: ["time"],
  params: orgParamsSchema,
  body: startTimerBodySchema,
  response: { 201: timerResponseSchema, ...conflict },
};

export const stopTimerSchema = {
  summary: "Stops the caller's timer and logs its time as a ledger time fact",
  tags: ["time"],
  params: orgParamsSchema,
  body: stopTimerBodySchema,
  response: { 201: timeEntryResponseSchema, ...conflict },
};

export const discardTimerSchema = {
  summary: "Discards the caller's timer without logging anything",
  tags: ["time"],
  params: orgParamsSchema,
  response: { 200: okSchema, ...conflict },
};

export const logTimeSchema = {
  summary: "Logs time spent on a customer or an order by hand (a ledger time fact)",
  tags: ["time"],
  params: orgParamsSchema,
  body: logTimeBodySchema,
  response: { 201: timeEntryResponseSchema, ...errors },
};

export const customerTimeSchema = {
  summary: "A customer's time over the window by activity, with its cost (cost hidden from staff)",
  tags: ["time"],
  params: orgParamsSchema.extend({ id: z.string().min(1).max(200) }),
  querystring: asOfQuerySchema,
  response: { 200: customerTimeResponseSchema, ...errors },
};

export const nonBillableSchema = {
  summary: "Customers ranked by non-billable time (chasing, revision, negotiation, complaint)",
  tags: ["time"],
  params: orgParamsSchema,
  querystring: asOfQuerySchema.extend({
    limit: z.coerce.number().int().min(1).max(100).optional(),
  }),
  response: { 200: nonBillableResponseSchema, ...errors },
};
