/**
 * Hooks for the counter's routes (docs/intake.md): catalogue, intake orders and what happens
 * to them before and after acceptance. Every write answers with the order's detail, which
 * replaces the cached one; the lists and the inbox are refetched.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, queryString } from "../../api/api-client.ts";
import type {
  AckLinkResponse,
  CatalogueResponse,
  CreateIntakeBody,
  CustomerWarning,
  IntakeDetailResponse,
  IntakeListResponse,
  OrderStatus,
  Photo,
  QuoteBody,
} from "../../api/intake-types.ts";
import { orgApi, useLang, useRefreshOrg } from "../../api/org-api.ts";
import { preparePhoto } from "./downscale-photo.ts";

const intakeApi = (org: string, id: string) => `${orgApi(org)}/intake/${encodeURIComponent(id)}`;
const seg = encodeURIComponent;

export function useCatalogue(org: string) {
  const lang = useLang();
  return useQuery({
    queryKey: [org, "catalogue", lang],
    queryFn: () => api<CatalogueResponse>("GET", `${orgApi(org)}/catalogue?lang=${lang}`),
    staleTime: 60_000,
  });
}

export function useIntakeList(org: string, params: { status?: OrderStatus; customer?: string }) {
  return useQuery({
    queryKey: [org, "intake", "list", params],
    queryFn: () => api<IntakeListResponse>("GET", `${orgApi(org)}/intake${queryString(params)}`),
  });
}

export function useIntakeOrder(org: string, id: string | null) {
  return useQuery({
    queryKey: [org, "intake", "order", id],
    queryFn: () => api<IntakeDetailResponse>("GET", intakeApi(org, id ?? "")),
    enabled: id !== null && id !== "",
    retry: false,
  });
}

/** The warning to show before taking an order from this customer (none for a new one). */
export function useCustomerWarning(org: string, customer: string | null) {
  return useQuery({
    queryKey: [org, "intake", "warning", customer],
    queryFn: () =>
      api<CustomerWarning>("GET", `${orgApi(org)}/intake/warning${queryString({ customer })}`),
    enabled: customer !== null,
  });
}

export function useCreateIntake(org: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (body: CreateIntakeBody) =>
      api<IntakeDetailResponse>("POST", `${orgApi(org)}/intake`, body),
    onSuccess: refresh,
  });
}

/** Uploads a photo, a phone's big one downscaled first (downscale-photo.ts). */
export async function uploadPhoto(org: string, id: string, file: File): Promise<Photo> {
  return api<Photo>("POST", `${intakeApi(org, id)}/photos`, await preparePhoto(file));
}

export const photoUrl = (org: string, id: string, photoId: string) =>
  `${intakeApi(org, id)}/photos/${seg(photoId)}`;
export const receiptUrl = (org: string, id: string) => `${intakeApi(org, id)}/receipt.pdf`;

type Action =
  | { kind: "patch"; body: Record<string, unknown> & { quote?: QuoteBody } }
  | { kind: "ask"; text: string }
  | { kind: "answer"; questionId: string; answer: string }
  | { kind: "review"; questionId: string }
  | { kind: "disclose"; code?: string; text: string }
  | { kind: "acknowledge"; disclosureId: string; name: string; signature?: string }
  | { kind: "accept" }
  | { kind: "advance"; to: string }
  | { kind: "decline"; reason: string };

function request(org: string, id: string, action: Action): Promise<IntakeDetailResponse> {
  const base = intakeApi(org, id);
  switch (action.kind) {
    case "patch":
      return api("PATCH", base, action.body);
    case "ask":
      return api("POST", `${base}/questions`, { text: action.text });
    case "answer":
      return api("POST", `${base}/questions/${seg(action.questionId)}/answer`, {
        answer: action.answer,
      });
    case "review":
      return api("POST", `${base}/questions/${seg(action.questionId)}/review`, {});
    case "disclose":
      return api("POST", `${base}/disclosures`, { code: action.code, text: action.text });
    case "acknowledge":
      return api("POST", `${base}/disclosures/${seg(action.disclosureId)}/acknowledge`, {
        ...(action.name ? { name: action.name } : {}),
        ...(action.signature ? { signature: action.signature } : {}),
      });
    case "accept":
      return api("POST", `${base}/accept`, {});
    case "advance":
      return api("POST", `${base}/advance`, { to: action.to });
    case "decline":
      return api("POST", `${base}/decline`, { reason: action.reason });
  }
}

/** One mutation for every step on an order; the answer replaces the cached detail. */
export function useIntakeAction(org: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: Action) => request(org, id, action),
    onSuccess: (detail) => {
      client.setQueryData([org, "intake", "order", id], detail);
      return client.invalidateQueries({
        predicate: (q) => q.queryKey[0] === org && q.queryKey[2] !== "order",
      });
    },
  });
}

export function useAckLink(org: string, id: string) {
  return useMutation({
    mutationFn: (body: { email?: string; lang: "fr" | "en" }) =>
      api<AckLinkResponse>("POST", `${intakeApi(org, id)}/ack-link`, body),
  });
}

export type ActivityBody =
  | { kind: "time"; minutes: number; activity: string }
  | { kind: "revision"; text?: string }
  | { kind: "chase"; text?: string };

export function useOrderActivity(org: string, id: string) {
  const refresh = useRefreshOrg(org);
  return useMutation({
    mutationFn: (body: ActivityBody) =>
      api<{ type: string; id: string; at: string }>(
        "POST",
        `${intakeApi(org, id)}/activities`,
        body,
      ),
    onSuccess: refresh,
  });
}

export function usePhotoUpload(org: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (files: File[]) => Promise.all(files.map((file) => uploadPhoto(org, id, file))),
    onSuccess: () => client.invalidateQueries({ queryKey: [org, "intake", "order", id] }),
  });
}
