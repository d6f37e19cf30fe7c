/**
 * The intake API's types, inferred from the schemas of src/http/contract-intake.ts. Type-only
 * imports: zod stays out of the bundle.
 */
import type { z } from "zod";
import type {
  ackLinkResponseSchema,
  catalogueResponseSchema,
  complaintSchema,
  complaintsResponseSchema,
  createIntakeBodySchema,
  customerWarningSchema,
  inboxItemSchema,
  intakeListResponseSchema,
  intakeOrderSchema,
  openComplaintBodySchema,
  photoSchema,
  quoteBodySchema,
  resolveBodySchema,
  returnBodySchema,
  returnFactSchema,
  returnResponseSchema,
  returnsResponseSchema,
  serviceSchema,
} from "../../../src/http/contract-intake.ts";

export type {
  ComplaintResponse,
  InboxResponse,
  IntakeDetailResponse,
} from "../../../src/http/contract-intake.ts";

export type Service = z.infer<typeof serviceSchema>;
export type CatalogueResponse = z.infer<typeof catalogueResponseSchema>;
export type IntakeOrder = z.infer<typeof intakeOrderSchema>;
export type IntakeListResponse = z.infer<typeof intakeListResponseSchema>;
export type CustomerWarning = z.infer<typeof customerWarningSchema>;
export type CreateIntakeBody = z.input<typeof createIntakeBodySchema>;
export type QuoteBody = z.input<typeof quoteBodySchema>;
export type AckLinkResponse = z.infer<typeof ackLinkResponseSchema>;
export type Photo = z.infer<typeof photoSchema>;
export type Complaint = z.infer<typeof complaintSchema>;
export type ComplaintsResponse = z.infer<typeof complaintsResponseSchema>;
export type OpenComplaintBody = z.input<typeof openComplaintBodySchema>;
export type ResolveBody = z.input<typeof resolveBodySchema>;
export type ReturnBody = z.input<typeof returnBodySchema>;
export type ReturnFact = z.infer<typeof returnFactSchema>;
export type ReturnResponse = z.infer<typeof returnResponseSchema>;
export type ReturnsResponse = z.infer<typeof returnsResponseSchema>;
export type InboxItem = z.infer<typeof inboxItemSchema>;
export type OrderStatus = IntakeOrder["status"];
export type Fault = NonNullable<Complaint["fault"]>;
export type Remedy = NonNullable<Complaint["remedy"]>;
export type AdviceKind = NonNullable<IntakeOrder["advice"]>["kind"];
