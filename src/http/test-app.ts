/**
 * Test support for the HTTP suites: a server on a fresh store, users, sign-in per role.
 * @example const t = await buildTestApp(dialect); const owner = await signIn(t, "owner");
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, InjectOptions } from "fastify";
import type { Role } from "../domain/policies.ts";
import type { Store } from "../store/database.ts";
import type { DialectName } from "../store/dialect.ts";
import { addMembership } from "../store/membership-repository.ts";
import { ensureOrganization, type Organization } from "../store/organization-repository.ts";
import { openTestStore } from "../store/test-stores.ts";
import { CSRF_HEADER } from "./contract.ts";
import { buildServer, type ServerOptions } from "./server.ts";

export const TEST_URL = "http://localhost:3000";

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  org: Organization;
  other: Organization;
  /** The server's debug log (every test server writes one; no secret may appear in it). */
  logFile: string;
  close(): Promise<void>;
}

/** Where the suite's server logs go: COMPTOIR_TEST_LOG_DIR, else a folder in the temp dir. */
export const TEST_LOG_DIR =
  process.env.COMPTOIR_TEST_LOG_DIR ?? join(tmpdir(), "comptoir-test-logs");

let counter = 0;

/** A server with two organizations: `org` (slug "shop") and `other` (slug "rival"). */
export async function buildTestApp(
  dialect: DialectName,
  options: Partial<ServerOptions> = {},
): Promise<TestApp> {
  const store = await openTestStore(dialect);
  const org = await ensureOrganization(store, "shop", { name: "Shop", lang: "en" });
  const other = await ensureOrganization(store, "rival", { name: "Rival" });
  const logFile = join(TEST_LOG_DIR, `${process.pid}-${Date.now()}-${++counter}.log`);
  const app = await buildServer({
    store,
    publicUrl: TEST_URL,
    authSecret: "test-secret-test-secret-test-secret-123",
    webDist: "/nonexistent",
    logger: { level: "debug", file: logFile },
    notice: () => undefined,
    ...options,
  });
  return {
    app,
    store,
    org,
    other,
    logFile,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  /** Headers for reads (cookie) and writes (cookie, Origin, CSRF header). */
  read: Record<string, string>;
  write: Record<string, string>;
}

function cookieHeader(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return list.map((c) => c.split(";")[0]).join("; ");
}

/** An account, not signed in: better-auth's adapter and password hashing, as the server's. */
export async function createAccount(
  app: FastifyInstance,
  init: { email: string; name: string; password: string; verified: boolean },
): Promise<{ id: string }> {
  const context = await app.auth.$context;
  const user = await context.internalAdapter.createUser(
    { email: init.email, name: init.name, emailVerified: init.verified },
    { method: "email-password" },
  );
  await context.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: await context.password.hash(init.password),
  });
  return { id: user.id };
}

/**
 * A new account (its address verified unless `verified: false`), created through better-auth's
 * adapter, then signed in through the sign-in route (the public sign-up answers without a
 * session: see sign-up.test.ts).
 */
export async function buildUser(
  app: FastifyInstance,
  init: { email?: string; name?: string; password?: string; verified?: boolean } = {},
): Promise<TestUser> {
  counter++;
  const email = (init.email ?? `user${counter}-${Date.now()}@example.test`).toLowerCase();
  const password = init.password ?? "correct horse battery";
  const user = await createAccount(app, {
    email,
    password,
    name: init.name ?? `User ${counter}`,
    verified: init.verified ?? true,
  });
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    headers: { origin: TEST_URL },
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  const cookie = cookieHeader(response.headers["set-cookie"]);
  return {
    id: user.id,
    email,
    password,
    read: { cookie },
    write: { cookie, origin: TEST_URL, [CSRF_HEADER]: "1" },
  };
}

/** A new user with `role` in the organization (default: the test app's `org`). */
export async function signIn(t: TestApp, role: Role, org: Organization = t.org): Promise<TestUser> {
  const user = await buildUser(t.app);
  await addMembership(t.store, org.id, user.id, role);
  return user;
}

/** `app.inject` returning status and parsed JSON. */
export async function call(app: FastifyInstance, options: InjectOptions) {
  const response = await app.inject(options);
  const text = response.body;
  return {
    status: response.statusCode,
    body: text ? JSON.parse(text) : null,
    headers: response.headers,
  };
}
