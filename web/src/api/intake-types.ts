/**
 * The intake API's types, inferred from the schemas of src/http/contract-intake.ts. Type-only
 * imports: zod stays out of the bundle.
 */
import type { z } from "zod";
import type {
  catalogueResponseSchema,
  serviceSchema,
} from "../../../src/http/routes/catalogue/contract.ts";
import type {
  complaintsResponseSchema,
  openComplaintBodySchema,
  resolveBodySchema,
} from "../../../src/http/routes/complaints/contract.ts";
import type { inboxItemSchema } from "../../../src/http/routes/inbox/contract.ts";
import type {
  ackLinkResponseSchema,
  complaintSchema,
  createIntakeBodySchema,
  customerWarningSchema,
  intakeListResponseSchema,
  intakeOrderSchema,
  photoSchema,
  quoteBodySchema,
} from "../../../src/http/routes/intake/contract.ts";
import type {
  returnBodySchema,
  returnFactSchema,
  returnResponseSchema,
  returnsResponseSchema,
} from "../../../src/http/routes/returns/contract.ts";

export type {
  ComplaintResponse,
  InboxResponse,
  IntakeDetailResponse,
} from "../../../src/http/routes/inbox/contract.ts";

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
