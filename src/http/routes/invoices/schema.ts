import { z } from "zod";
import { orgParamsSchema } from "../../contract.ts";
import { errors } from "../dashboard/schema.ts";
import {
  balanceResponseSchema,
  createInvoiceBodySchema,
  creditNoteBodySchema,
  exportQuerySchema,
  invoiceListQuerySchema,
  invoiceListResponseSchema,
  invoiceParamsSchema,
  invoiceResponseSchema,
  numberingBodySchema,
  numberingResponseSchema,
  updateInvoiceBodySchema,
} from "./contract.ts";

const conflict = { ...errors, 409: errors[400] };
const tags = ["invoices"];

export const listInvoicesSchema = {
  summary: "Invoices, deposits and credit notes with their status and balance (managers)",
  tags,
  params: orgParamsSchema,
  querystring: invoiceListQuerySchema,
  response: { 200: invoiceListResponseSchema, ...errors },
};
export const createInvoiceSchema = {
  summary: "Drafts an invoice or a deposit invoice, standalone or from orders (managers)",
  tags,
  params: orgParamsSchema,
  body: createInvoiceBodySchema,
  response: { 201: invoiceResponseSchema, ...errors },
};
export const exportInvoicesSchema = {
  summary:
    "The accountant's CSV over a period: one line per invoice, credit note and payment, with totals per VAT rate (managers)",
  tags,
  params: orgParamsSchema,
  querystring: exportQuerySchema,
  produces: ["text/csv"],
};
export const getInvoiceSchema = {
  summary: "One invoice, by draft id or number (managers)",
  tags,
  params: invoiceParamsSchema,
  response: { 200: invoiceResponseSchema, ...errors },
};
export const updateInvoiceSchema = {
  summary: "Changes a draft; an issued invoice is refused with INVOICE_ISSUED (managers)",
  tags,
  params: invoiceParamsSchema,
  body: updateInvoiceBodySchema,
  response: { 200: invoiceResponseSchema, ...conflict },
};
export const deleteInvoiceSchema = {
  summary: "Deletes a draft; an issued invoice is refused with INVOICE_ISSUED (managers)",
  tags,
  params: invoiceParamsSchema,
  response: { 204: z.null(), ...conflict },
};
export const issueInvoiceSchema = {
  summary:
    "Issues a draft: the next number of its series, without gaps; the ledger's invoice or credit_note fact (managers)",
  tags,
  params: invoiceParamsSchema,
  response: { 200: invoiceResponseSchema, ...conflict },
};
export const creditNoteSchema = {
  summary: "Drafts a credit note correcting an issued invoice, whole or for an amount (managers)",
  tags,
  params: invoiceParamsSchema,
  body: creditNoteBodySchema,
  response: { 201: invoiceResponseSchema, ...conflict },
};
export const balanceSchema = {
  summary: "The balance of an issued invoice, for recording a payment (any member)",
  tags,
  params: invoiceParamsSchema,
  response: { 200: balanceResponseSchema, ...errors },
};
export const complaintCreditNoteSchema = {
  summary:
    "Issues the credit note of a resolved complaint's discount or refund on its order's invoice (managers)",
  tags,
  params: invoiceParamsSchema,
  response: { 201: invoiceResponseSchema, ...conflict },
};
export const getNumberingSchema = {
  summary: "The numbering series and the last number issued in each (managers)",
  tags,
  params: orgParamsSchema,
  response: { 200: numberingResponseSchema, ...errors },
};
export const putNumberingSchema = {
  summary: "Changes the numbering series; {year} stands for the issue year (owners)",
  tags,
  params: orgParamsSchema,
  body: numberingBodySchema,
  response: { 200: numberingResponseSchema, ...errors },
};

export const invoicePdfSchema = {
  summary:
    "An issued invoice, deposit or credit note as a PDF/A-3b carrying its Factur-X XML (managers)",
  tags,
  params: invoiceParamsSchema,
  produces: ["application/pdf"],
};
export const invoiceUblSchema = {
  summary: "The same issued document as UBL 2.1 XML, for the buyer's software (managers)",
  tags,
  params: invoiceParamsSchema,
  produces: ["application/xml"],
};
