/** Takes the logo off the documents from now on (owner only; earlier versions keep theirs). */
import type { IdentityVersion } from "../../store/identity-repository.ts";
import { type IdentityContext, requireIdentityEditor } from "./identity-support.ts";
import { replaceLogo } from "./set-logo.ts";

export async function removeLogo(ctx: IdentityContext): Promise<IdentityVersion> {
  requireIdentityEditor(ctx);
  return replaceLogo(ctx, null);
}
