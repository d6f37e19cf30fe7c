/**
 * The benches' signed-in owner: an account made as the setup makes it (the public sign-up
 * answers without a session, and an empty instance takes its first account from the setup
 * link), owner of the organizations given, signed in through the sign-in route.
 */
import type { FastifyInstance } from "fastify";
import { createAccount } from "../src/http/test-app.ts";
import type { Store } from "../src/store/database.ts";
import { addMembership } from "../src/store/membership-repository.ts";

/** The session cookie of a new owner of `orgIds`. */
export async function benchOwner(
  app: FastifyInstance,
  store: Store,
  publicUrl: string,
  orgIds: string[],
): Promise<string> {
  const email = `bench-${Date.now()}@example.test`;
  const password = "correct horse battery";
  const user = await createAccount(app, { email, name: "Bench", password, verified: true });
  for (const orgId of orgIds) await addMembership(store, orgId, user.id, "owner");
  const signIn = await app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    headers: { origin: publicUrl },
    payload: { email, password },
  });
  if (signIn.statusCode !== 200) throw new Error(`bench sign-in failed: ${signIn.body}`);
  return ([] as string[])
    .concat(signIn.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0])
    .join("; ");
}
