/**
 * Creating organizations: the first one with the setup token (and the first account), and
 * any further one by a signed-in user with a verified address, who becomes its owner.
 * The API contract: zod schemas and their types; the web app imports the types.
 */
import { z } from "zod";
import { SLUG_PATTERN } from "../../../domain/organization-profile.ts";
import { membershipSchema } from "../session/contract.ts";

export const organizationProfileSchema = z.object({
  name: z.string().trim().min(1).max(120),
  /** Derived from the name when not given (`Atelier Éloïse` → `atelier-eloise`). */
  slug: z.string().max(63).regex(SLUG_PATTERN).optional(),
  /** Free text: cordonnerie, retouches, traduction, réparation… */
  trade: z.string().trim().max(80).nullable().optional(),
  lang: z.enum(["fr", "en"]),
  /** ISO 4217: EUR, CHF, CAD… (goes into the charter). */
  currency: z.string().length(3),
  /** IANA: Europe/Paris. */
  timeZone: z.string().min(1).max(64),
});
export type OrganizationProfileInput = z.infer<typeof organizationProfileSchema>;

export const accountBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  email: z.email().max(254),
  password: z.string().min(8).max(128),
});

export const setupBodySchema = z.object({
  /** The one-time token printed on the server's console at start. */
  token: z.string().min(1).max(200),
  account: accountBodySchema,
  organization: organizationProfileSchema,
});
export type SetupBody = z.infer<typeof setupBodySchema>;

export const createdOrganizationSchema = z.object({ organization: membershipSchema });
export type CreatedOrganization = z.infer<typeof createdOrganizationSchema>;
