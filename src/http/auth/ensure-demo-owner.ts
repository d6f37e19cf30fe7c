/**
 * Demo mode only: an owner account for the demo organization, created on first start. Its
 * password is generated once and kept in the store's settings so that it can be printed on
 * the console and shown on the sign-in page at every start.
 */
import { randomBytes } from "node:crypto";
import type { Store } from "../../store/database.ts";
import { addMembership, findRole, findUserByEmail } from "../../store/membership-repository.ts";
import { getOrganization } from "../../store/organization-repository.ts";
import { getOrInitSetting } from "../../store/setting-repository.ts";
import type { Auth } from "./create-auth.ts";

export const DEMO_EMAIL = "demo@comptoir.local";

export async function ensureDemoOwner(
  store: Store,
  auth: Auth,
  orgSlug: string,
): Promise<{ email: string; password: string }> {
  const org = await getOrganization(store, orgSlug);
  const password = await getOrInitSetting(
    store,
    "demo_password",
    randomBytes(9).toString("base64url"),
  );
  let user = await findUserByEmail(store, DEMO_EMAIL);
  if (!user) {
    await auth.api.signUpEmail({ body: { email: DEMO_EMAIL, password, name: "Démo Comptoir" } });
    user = await findUserByEmail(store, DEMO_EMAIL);
  }
  if (user && !(await findRole(store, org.id, user.id))) {
    await addMembership(store, org.id, user.id, "owner");
  }
  return { email: DEMO_EMAIL, password };
}
