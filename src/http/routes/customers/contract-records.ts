/**
 * Customer records as people keep them (docs/customers.md): create, correct contact details,
 * archive, find duplicates, merge and unmerge. The API contract of those routes; the web app
 * imports the types.
 */
import { z } from "zod";

/** A customer record as it stands (its latest correction). */
export const customerRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.string(),
  lang: z.string().nullable(),
  since: z.string(),
  /** A business customer's postal address (free text, lines separated by newlines). */
  address: z.string().nullable(),
  /** A business customer's SIREN (9 digits), checked with its key. */
  siren: z.string().nullable(),
  /** A business customer's VAT number (a French one checked with its key). */
  vat: z.string().nullable(),
  /** Hidden from lists and pickers; still scored and in the portfolio. */
  archived: z.boolean(),
});
export type CustomerRecord = z.infer<typeof customerRecordSchema>;

const details = {
  kind: z.enum(["person", "business"]).optional(),
  email: z.string().max(254).optional(),
  phone: z.string().max(40).optional(),
  lang: z.string().max(10).optional(),
  status: z.enum(["prospect", "active"]).optional(),
  address: z.string().max(500).optional(),
  siren: z.string().max(30).optional(),
  vat: z.string().max(30).optional(),
};

export const createCustomerBodySchema = z.object({
  /** Default: a new id. */
  id: z.string().max(100).optional(),
  name: z.string().max(200),
  ...details,
});
export type CreateCustomerBody = z.infer<typeof createCustomerBodySchema>;

/** The fields to change; an empty text clears one. */
export const correctCustomerBodySchema = z.object({
  name: z.string().max(200).optional(),
  ...details,
});
export type CorrectCustomerBody = z.infer<typeof correctCustomerBodySchema>;

export const duplicateReasonSchema = z.enum(["email", "phone", "name"]);
export const duplicateBriefSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const createCustomerResponseSchema = z.object({
  customer: customerRecordSchema,
  /** Customers the new one looks like (same e-mail, phone, or a close name). */
  duplicates: z.array(duplicateBriefSchema.extend({ reasons: z.array(duplicateReasonSchema) })),
});
export type CreateCustomerResponse = z.infer<typeof createCustomerResponseSchema>;

export const recordChangeResponseSchema = z.object({
  customer: customerRecordSchema,
  /** False when the record already said so: nothing was written. */
  changed: z.boolean(),
});
export type RecordChangeResponse = z.infer<typeof recordChangeResponseSchema>;

export const mergeBodySchema = z.object({ into: z.string().min(1).max(200) });
export const mergeResponseSchema = z.object({
  merged: customerRecordSchema,
  into: customerRecordSchema,
});
export type MergeResponse = z.infer<typeof mergeResponseSchema>;

export const duplicatesQuerySchema = z.object({ customer: z.string().max(200).optional() });
export const duplicatesResponseSchema = z.object({
  /** Pairs found (only the first 200 are listed). */
  total: z.number(),
  pairs: z.array(
    z.object({
      a: duplicateBriefSchema,
      b: duplicateBriefSchema,
      reasons: z.array(duplicateReasonSchema),
    }),
  ),
});
export type DuplicatesResponse = z.infer<typeof duplicatesResponseSchema>;
