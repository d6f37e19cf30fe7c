import { z } from "zod";
import { errorSchema, orgParamsSchema } from "../../contract.ts";
import {
  mailSettingsBodySchema,
  mailSettingsSchema,
  outboxMailParamsSchema,
  outboxMailSchema,
  outboxSchema,
  testMailResultSchema,
} from "./contract.ts";

const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  422: errorSchema,
};

export const getMailSettingsSchema = {
  summary: "The organization's mail server, without its password (owners)",
  tags: ["mail"],
  params: orgParamsSchema,
  response: { 200: mailSettingsSchema, ...errors },
};
export const putMailSettingsSchema = {
  summary: "Sets the organization's mail server: host, port, user, password, sender (owners)",
  tags: ["mail"],
  params: orgParamsSchema,
  body: mailSettingsBodySchema,
  response: { 200: mailSettingsSchema, ...errors },
};
export const deleteMailSettingsSchema = {
  summary: "Removes the organization's mail server (owners)",
  tags: ["mail"],
  params: orgParamsSchema,
  response: { 204: z.null(), ...errors },
};
export const testMailSchema = {
  summary: "Sends a test mail to the signed-in owner through the mail server in use (owners)",
  tags: ["mail"],
  params: orgParamsSchema,
  response: { 200: testMailResultSchema, ...errors },
};
export const outboxRouteSchema = {
  summary: "The organization's mails, newest first, and what became of each (owners)",
  tags: ["mail"],
  params: orgParamsSchema,
  response: { 200: outboxSchema, ...errors },
};
export const retryMailSchema = {
  summary: "Queues an unsent mail again, its attempts starting over (owners)",
  tags: ["mail"],
  params: outboxMailParamsSchema,
  response: { 200: outboxMailSchema, ...errors },
};
