/**
 * The organization's identity (every member reads it, the owner changes it), its logo, and
 * the first-steps checklist. Refusals are in the request's language (Accept-Language, else the
 * organization's) and name the field: `siren: la clé de contrôle est fausse (clé de Luhn)`.
 */
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { getFirstSteps } from "../../../app/first-steps/get-first-steps.ts";
import {
  type IdentityContext,
  requireIdentityEditor,
} from "../../../app/identity/identity-support.ts";
import { removeLogo } from "../../../app/identity/remove-logo.ts";
import { saveIdentity } from "../../../app/identity/save-identity.ts";
import { LOGO_BOX, LOGO_TYPES, MAX_LOGO_BYTES, setLogo } from "../../../app/identity/set-logo.ts";
import { VAT_FRANCHISE_MENTION } from "../../../domain/business-identifiers.ts";
import { AppError } from "../../../domain/errors.ts";
import { fromMinor, minorDigits } from "../../../domain/money.ts";
import { identityComplete, type Lang } from "../../../domain/organization-identity.ts";
import { getCharter } from "../../../store/charter-repository.ts";
import type { Store } from "../../../store/database.ts";
import { findIdentity, readLogo } from "../../../store/identity-repository.ts";
import type { Organization } from "../../../store/organization-repository.ts";
import { type OrgAccess, orgAccess } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import { toMinorField } from "../intake/present-intake.ts";
import type { IdentityResponse } from "./contract.ts";
import * as s from "./schema.ts";

/** Above the logo's limit, so that a larger file is refused with its size, up to this. */
const UPLOAD_READ_LIMIT = 20 * 1024 * 1024;

/** The language of refusals: the request's first choice when French or English, else the organization's. */
export function requestLang(request: FastifyRequest, org: Organization): Lang {
  const first = String(request.headers["accept-language"] ?? "")
    .trim()
    .slice(0, 2)
    .toLowerCase();
  if (first === "fr" || first === "en") return first;
  return org.lang === "en" ? "en" : "fr";
}

async function presentIdentity(store: Store, access: OrgAccess): Promise<IdentityResponse> {
  const { org } = access;
  const current = await findIdentity(store.db, org.id);
  const { currency } = await getCharter(store, org.id);
  const logo = current?.logoId ? await readLogo(store.db, org.id, current.logoId) : undefined;
  const identity = current?.identity ?? null;
  return {
    identity: identity && {
      ...identity,
      shareCapital:
        identity.shareCapital === null
          ? null
          : fromMinor(identity.shareCapital, minorDigits(currency)),
    },
    logo: logo
      ? {
          url: `/api/orgs/${encodeURIComponent(org.slug)}/identity/logo?v=${logo.id}`,
          contentType: logo.contentType,
          width: logo.width,
          height: logo.height,
        }
      : null,
    complete: identityComplete(identity),
    savedAt: current?.savedAt ?? null,
    currency,
    vatFranchiseMention: VAT_FRANCHISE_MENTION,
    logoLimits: { types: [...LOGO_TYPES], maxBytes: MAX_LOGO_BYTES, ...LOGO_BOX },
    canEdit: access.can.editIdentity,
  };
}

export const identityRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { store }) => {
  async function context(request: FastifyRequest, slug: string) {
    const access = await orgAccess(store, request, slug);
    const ctx: IdentityContext = {
      store,
      org: access.org,
      actor: { userId: access.actor.userId, role: access.role },
      lang: requestLang(request, access.org),
    };
    return { access, ctx };
  }

  app.get("/api/orgs/:org/identity", { schema: s.getIdentitySchema }, async (request) => {
    const { access } = await context(request, request.params.org);
    return presentIdentity(store, access);
  });

  app.put("/api/orgs/:org/identity", { schema: s.putIdentitySchema }, async (request) => {
    const { access, ctx } = await context(request, request.params.org);
    const { currency } = await getCharter(store, access.org.id);
    const b = request.body;
    await saveIdentity(ctx, {
      ...b,
      shareCapital:
        b.shareCapital === null || b.shareCapital === undefined
          ? null
          : toMinorField(b.shareCapital, currency, "shareCapital"),
    });
    return presentIdentity(store, access);
  });

  app.put("/api/orgs/:org/identity/logo", { schema: s.putLogoSchema }, async (request) => {
    const { access, ctx } = await context(request, request.params.org);
    requireIdentityEditor(ctx); // before the upload is read
    if (!request.isMultipart()) {
      throw new AppError("BAD_INPUT", "logo: send the image as a multipart/form-data `file` part");
    }
    const part = await request.file({ limits: { fileSize: UPLOAD_READ_LIMIT } });
    if (!part) throw new AppError("BAD_INPUT", "logo: no file in the upload");
    let data: Buffer;
    try {
      data = await part.toBuffer();
    } catch (error) {
      if ((error as { code?: string }).code !== "FST_REQ_FILE_TOO_LARGE") throw error;
      // Far above the limit: its exact size is not worth reading.
      throw new AppError(
        "LOGO_TOO_LARGE",
        ctx.lang === "fr"
          ? "logo: le fichier dépasse de loin la limite de 2 Mo"
          : "logo: the file is far above the limit of 2 MB",
      );
    }
    await setLogo(ctx, data);
    return presentIdentity(store, access);
  });

  app.delete("/api/orgs/:org/identity/logo", { schema: s.deleteLogoSchema }, async (request) => {
    const { access, ctx } = await context(request, request.params.org);
    await removeLogo(ctx);
    return presentIdentity(store, access);
  });

  app.get("/api/orgs/:org/identity/logo", { schema: s.getLogoSchema }, async (request, reply) => {
    const { access } = await context(request, request.params.org);
    const current = await findIdentity(store.db, access.org.id);
    const logo = current?.logoId
      ? await readLogo(store.db, access.org.id, current.logoId)
      : undefined;
    if (!logo) throw new AppError("NOT_FOUND", "logo: this organization has no logo");
    return reply
      .type(logo.contentType)
      .header("cache-control", "private, max-age=3600")
      .header("x-content-type-options", "nosniff")
      .send(logo.data);
  });

  app.get("/api/orgs/:org/first-steps", { schema: s.firstStepsSchema }, async (request) => {
    const { access } = await context(request, request.params.org);
    return getFirstSteps(store, access.org);
  });
};
