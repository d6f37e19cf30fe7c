/** Hooks for invoices (docs/invoicing.md): the list, one invoice, drafts, issuing, credit notes. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  createInvoiceBodySchema,
  creditNoteBodySchema,
  Invoice,
  InvoiceList,
  updateInvoiceBodySchema,
} from "../../../../src/http/routes/invoices/contract.ts";
import { api, queryString } from "../../api/api-client.ts";
import { orgApi, useRefreshOrg } from "../../api/org-api.ts";

export type { Invoice, InvoiceList };
export type CreateInvoiceBody = z.input<typeof createInvoiceBodySchema>;
export type UpdateInvoiceBody = z.input<typeof updateInvoiceBodySchema>;
export type CreditNoteBody = z.input<typeof creditNoteBodySchema>;
export type InvoiceStatus = Invoice["status"];

const seg = encodeURIComponent;
type One = { invoice: Invoice };

export function useInvoices(org: string, params: { status?: InvoiceStatus; customer?: string }) {
  return useQuery({
    queryKey: [org, "invoices", params],
    queryFn: () => api<InvoiceList>("GET", `${orgApi(org)}/invoices${queryString(params)}`),
  });
}

export function useInvoice(org: string, id: string) {
  return useQuery({
    queryKey: [org, "invoice", id],
    queryFn: () => api<One>("GET", `${orgApi(org)}/invoices/${seg(id)}`),
  });
}

export function useCreateInvoice(org: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (body: CreateInvoiceBody) => api<One>("POST", `${orgApi(org)}/invoices`, body),
    onSuccess: refresh,
  });
}

export function useUpdateInvoice(org: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateInvoiceBody) =>
      api<One>("PUT", `${orgApi(org)}/invoices/${seg(id)}`, body),
    onSuccess: (data) => client.setQueryData([org, "invoice", id], data),
  });
}

export function useIssueInvoice(org: string, id: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: () => api<One>("POST", `${orgApi(org)}/invoices/${seg(id)}/issue`, {}),
    onSuccess: refresh,
  });
}

export function useCreditNote(org: string, number: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (body: CreditNoteBody) =>
      api<One>("POST", `${orgApi(org)}/invoices/${seg(number)}/credit-note`, body),
    onSuccess: refresh,
  });
}
