import { z } from "zod";
import { errorSchema, orgParamsSchema } from "../../contract.ts";
import {
  invoiceParamsSchema,
  pauseBodySchema,
  pauseParamsSchema,
  pauseSchema,
  previewBodySchema,
  previewSchema,
  reminderActionResultSchema,
  reminderSettingsBodySchema,
  reminderSettingsSchema,
  remindersViewSchema,
} from "./contract.ts";

const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
};

export const remindersViewRouteSchema = {
  summary:
    "Reminders: formal notices to confirm, due, upcoming, sent, stopped and paused (managers, owners)",
  tags: ["reminders"],
  params: orgParamsSchema,
  response: { 200: remindersViewSchema, ...errors },
};
export const sendNowSchema = {
  summary: "Queues the invoice's next reminder now, a formal notice included (managers, owners)",
  tags: ["reminders"],
  params: invoiceParamsSchema,
  response: { 200: reminderActionResultSchema, ...errors },
};
export const confirmSchema = {
  summary: "Confirms the formal notice waiting for this invoice: it is queued (managers, owners)",
  tags: ["reminders"],
  params: invoiceParamsSchema,
  response: { 200: reminderActionResultSchema, ...errors },
};
export const dismissSchema = {
  summary: "Sets aside the formal notice waiting for this invoice: not sent (managers, owners)",
  tags: ["reminders"],
  params: invoiceParamsSchema,
  response: { 204: z.null(), ...errors },
};
export const addPauseSchema = {
  summary: "Pauses the reminders of an invoice or a customer, with a reason and an end date",
  tags: ["reminders"],
  params: orgParamsSchema,
  body: pauseBodySchema,
  response: { 201: pauseSchema, ...errors },
};
export const endPauseSchema = {
  summary: "Ends a pause before its date (managers, owners)",
  tags: ["reminders"],
  params: pauseParamsSchema,
  response: { 204: z.null(), ...errors },
};
export const getSettingsSchema = {
  summary: "The reminder schedule and the French and English templates (managers, owners)",
  tags: ["reminders"],
  params: orgParamsSchema,
  response: { 200: reminderSettingsSchema, ...errors },
};
export const putSettingsSchema = {
  summary: "Changes the reminder schedule and templates (owners)",
  tags: ["reminders"],
  params: orgParamsSchema,
  body: reminderSettingsBodySchema,
  response: { 200: reminderSettingsSchema, ...errors },
};
export const previewRouteSchema = {
  summary: "A template filled with a sample invoice, as the customer would read it (owners)",
  tags: ["reminders"],
  params: orgParamsSchema,
  body: previewBodySchema,
  response: { 200: previewSchema, ...errors },
};
