import type { z } from "zod";
import { orgParamsSchema } from "../../contract.ts";
import { errors } from "../dashboard/schema.ts";
import {
  ackLinkBodySchema,
  ackLinkResponseSchema,
  acknowledgeBodySchema,
  activityBodySchema,
  activityResponseSchema,
  advanceBodySchema,
  answerBodySchema,
  createIntakeBodySchema,
  customerWarningSchema,
  declineBodySchema,
  disclosureBodySchema,
  disclosureParamsSchema,
  intakeDetailSchema,
  intakeListQuerySchema,
  intakeListResponseSchema,
  intakeParamsSchema,
  patchIntakeBodySchema,
  photoBodySchema,
  photoParamsSchema,
  photoSchema,
  questionBodySchema,
  questionParamsSchema,
  warningQuerySchema,
} from "./contract.ts";

const tags = ["intake"];
const detail = { 200: intakeDetailSchema, ...errors, 409: errors[400] };
const write = <P extends z.ZodType, B extends z.ZodType>(summary: string, params: P, body: B) => ({
  summary,
  tags,
  params,
  body,
  response: detail,
});
const act = <P extends z.ZodType>(summary: string, params: P) => ({
  summary,
  tags,
  params,
  response: detail,
});

export const listIntakeSchema = {
  summary: "Orders taken at the counter, newest first",
  tags,
  params: orgParamsSchema,
  querystring: intakeListQuerySchema,
  response: { 200: intakeListResponseSchema, ...errors },
};
export const warningSchema = {
  summary: "The warning to show at intake for a customer (part_ways or signals)",
  tags,
  params: orgParamsSchema,
  querystring: warningQuerySchema,
  response: { 200: customerWarningSchema, ...errors },
};
export const createIntakeSchema = {
  summary: "Takes an order: customer, item, observations, risks, questions, advice, quote",
  tags,
  params: orgParamsSchema,
  body: createIntakeBodySchema,
  response: { 201: intakeDetailSchema, ...errors },
};
export const getIntakeSchema = {
  summary: "An order with its questions, disclosures, photos, complaints, blockers, quote check",
  tags,
  params: intakeParamsSchema,
  response: { 200: intakeDetailSchema, ...errors },
};
export const patchIntakeSchema = write(
  "Changes an order before acceptance (quote checked against the charter)",
  intakeParamsSchema,
  patchIntakeBodySchema,
);
export const askSchema = write(
  "Asks an open question (blocks acceptance until answered)",
  intakeParamsSchema,
  questionBodySchema,
);
export const answerSchema = write(
  "Records the customer's answer, given at the counter",
  questionParamsSchema,
  answerBodySchema,
);
export const reviewSchema = act(
  "Marks an answer given through the link as read (leaves the inbox)",
  questionParamsSchema,
);
export const addDisclosureSchema = write(
  "Adds a risk to disclose (blocks acceptance until acknowledged)",
  intakeParamsSchema,
  disclosureBodySchema,
);
export const acknowledgeSchema = write(
  "The customer acknowledges a disclosure at the counter (typed name or signature)",
  disclosureParamsSchema,
  acknowledgeBodySchema,
);
export const acceptSchema = act(
  "Accepts the order: refused while a question is open or a disclosure unacknowledged",
  intakeParamsSchema,
);
export const advanceSchema = write(
  "Moves the order to in_progress, ready, delivered or closed",
  intakeParamsSchema,
  advanceBodySchema,
);
export const declineSchema = write(
  "Declines the order before acceptance",
  intakeParamsSchema,
  declineBodySchema,
);
export const ackLinkSchema = {
  summary: "Sends the customer a one-time acknowledgement link by e-mail (returns it too)",
  tags,
  params: intakeParamsSchema,
  body: ackLinkBodySchema,
  response: { 201: ackLinkResponseSchema, ...errors, 409: errors[400] },
};
export const activitySchema = {
  summary: "Records time spent, a revision round or a chase on the order (ledger facts)",
  tags,
  params: intakeParamsSchema,
  body: activityBodySchema,
  response: { 201: activityResponseSchema, ...errors, 409: errors[400] },
};
export const addPhotoSchema = {
  summary: "Adds a photo of the item (base64 JPEG, PNG or WebP)",
  tags,
  params: intakeParamsSchema,
  body: photoBodySchema,
  response: { 201: photoSchema, ...errors },
};
export const getPhotoSchema = {
  summary: "A photo of the item",
  tags,
  params: photoParamsSchema,
};
export const receiptSchema = {
  summary: "The printable intake receipt (PDF)",
  tags,
  params: intakeParamsSchema,
};
