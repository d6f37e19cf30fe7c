/**
 * The organization's identity and its first steps (issue 14).
 * The API contract of these routes: one zod schema per input and output, and the inferred
 * types; the web app imports the types. Conventions in src/http/contract.ts.
 */
import { z } from "zod";
import { REGISTRATION_KINDS } from "../../../domain/organization-identity.ts";
import { money, text } from "../../contract.ts";

const optional = (max: number) => z.string().trim().max(max).nullish();

export const addressSchema = z.object({
  street: text(500),
  postalCode: z.string().trim().min(1).max(20),
  city: text(100),
  /** ISO 3166 alpha-2; default FR. */
  country: z.string().trim().max(10).default("FR"),
});
export const registrationSchema = z.object({
  kind: z.enum(REGISTRATION_KINDS),
  /** The town of the court registry (RCS) or of the chamber of trades (RM). */
  place: text(100),
});

/** The whole identity: what is left out or null is not on the documents. */
export const identityBodySchema = z.object({
  legalName: text(200),
  legalForm: optional(100),
  address: addressSchema.nullish(),
  siren: optional(40),
  siret: optional(40),
  vatNumber: optional(40),
  vatFranchise: z.boolean().default(false),
  registration: registrationSchema.nullish(),
  /** In the charter's currency. */
  shareCapital: money.nullish(),
  email: optional(254),
  phone: optional(40),
  website: optional(300),
});
export type IdentityBody = z.input<typeof identityBodySchema>;

export const identitySchema = z.object({
  legalName: z.string(),
  legalForm: z.string().nullable(),
  address: z
    .object({ street: z.string(), postalCode: z.string(), city: z.string(), country: z.string() })
    .nullable(),
  siren: z.string().nullable(),
  siret: z.string().nullable(),
  vatNumber: z.string().nullable(),
  vatFranchise: z.boolean(),
  registration: z.object({ kind: z.enum(REGISTRATION_KINDS), place: z.string() }).nullable(),
  shareCapital: z.number().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
});
export type Identity = z.infer<typeof identitySchema>;

export const identityResponseSchema = z.object({
  /** Null until the owner saves it. */
  identity: identitySchema.nullable(),
  logo: z
    .object({ url: z.string(), contentType: z.string(), width: z.number(), height: z.number() })
    .nullable(),
  /** Enough for a receipt: legal name, address, SIREN, a VAT number or the franchise. */
  complete: z.boolean(),
  savedAt: z.string().nullable(),
  currency: z.string(),
  /** The mention printed under the VAT franchise. */
  vatFranchiseMention: z.string(),
  /** The logo's limits: types by their bytes, size before downscaling, box it fits in. */
  logoLimits: z.object({
    types: z.array(z.string()),
    maxBytes: z.number(),
    width: z.number(),
    height: z.number(),
  }),
  canEdit: z.boolean(),
});
export type IdentityResponse = z.infer<typeof identityResponseSchema>;

export const FIRST_STEP_KEYS = ["identity", "services", "customers", "intake"] as const;
export const firstStepsResponseSchema = z.object({
  steps: z.array(z.object({ step: z.enum(FIRST_STEP_KEYS), done: z.boolean() })),
  services: z.number(),
  servicesNeeded: z.number(),
  done: z.boolean(),
});
export type FirstStepsResponse = z.infer<typeof firstStepsResponseSchema>;
