/**
 * Saves the organization's identity (owner only): every field checked, identifiers kept in
 * their compact form, a new version appended with the logo the identity already had. Wrong
 * input changes nothing and names each field: `siren: la clé de contrôle est fausse`.
 */
import { AppError } from "../../domain/errors.ts";
import { checkIdentity, type IdentityInput } from "../../domain/organization-identity.ts";
import {
  appendIdentity,
  findIdentity,
  type IdentityVersion,
} from "../../store/identity-repository.ts";
import { type IdentityContext, requireIdentityEditor } from "./identity-support.ts";

export async function saveIdentity(
  ctx: IdentityContext,
  input: IdentityInput,
): Promise<IdentityVersion> {
  requireIdentityEditor(ctx);
  const checked = checkIdentity(input, ctx.lang);
  if (!checked.ok) {
    throw new AppError(
      "BAD_INPUT",
      checked.errors.map((e) => `${e.field}: ${e.message}`).join("\n"),
      checked.errors,
    );
  }
  return ctx.store.db.transaction().execute(async (trx) => {
    const current = await findIdentity(trx, ctx.org.id);
    return appendIdentity(trx, ctx.org.id, {
      identity: checked.identity,
      logoId: current?.logoId ?? null,
      savedBy: ctx.actor.userId,
    });
  });
}
