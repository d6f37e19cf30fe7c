/**
 * Demo mode only: an owner account for the demo organization, created on first start. Its
 * password is generated once and kept in the store's settings so that it can be printed on
 * the console and shown on the sign-in page at every start, but only while it is unchanged
 * (checked against the account at start, and followed afterwards), and only to a visitor on
 * this machine (`shownTo`).
 */
import { randomBytes } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { Store } from "../../store/database.ts";
import { addMembership, findRole, findUserByEmail } from "../../store/membership-repository.ts";
import { getOrganization } from "../../store/organization-repository.ts";
import { getOrInitSetting } from "../../store/setting-repository.ts";
import { type Auth, markEmailVerified } from "./create-auth.ts";

export const DEMO_EMAIL = "demo@comptoir.local";

export interface DemoAccount {
  email: string;
  password: string;
  userId: string;
  orgId: string;
  /** The password was changed (or reset): it is no longer shown anywhere. */
  changed: boolean;
}

export async function ensureDemoOwner(
  store: Store,
  auth: Auth,
  orgSlug: string,
): Promise<DemoAccount> {
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
    if (!user) throw new Error("the demo account could not be created");
    await markEmailVerified(auth, user.id);
  }
  if (!(await findRole(store, org.id, user.id))) {
    await addMembership(store, org.id, user.id, "owner");
  }
  const context = await auth.$context;
  const accounts = await context.internalAdapter.findAccounts(user.id);
  const hash = accounts.find((a) => a.providerId === "credential")?.password;
  const unchanged =
    Boolean(hash) && (await context.password.verify({ hash: hash as string, password }));
  return { email: DEMO_EMAIL, password, userId: user.id, orgId: org.id, changed: !unchanged };
}

/**
 * Whether the request comes straight from this machine: from the loopback interface, and not
 * relayed by a proxy (a proxy on the same machine would make every visitor look local).
 */
export function isLocalRequest(request: FastifyRequest): boolean {
  const address = request.socket.remoteAddress ?? "";
  const loopback =
    address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
  const relayed =
    request.headers["x-forwarded-for"] !== undefined ||
    request.headers.forwarded !== undefined ||
    request.headers["x-real-ip"] !== undefined;
  return loopback && !relayed;
}

/**
 * The demo credentials this request may see: in demo mode, while unchanged, from this machine,
 * to a visitor not signed in or to the demo organization's owner; null otherwise.
 */
export function demoShownTo(
  demo: DemoAccount | null,
  request: FastifyRequest,
  isDemoOwner: boolean,
): { email: string; password: string } | null {
  if (!demo || demo.changed || !isLocalRequest(request)) return null;
  if (request.actor && !isDemoOwner) return null;
  return { email: demo.email, password: demo.password };
}
