/**
 * Test support for the token suites: create a token through the API and call with it.
 * @example const bearer = await makeToken(t, owner, { role: "staff" }); await asToken(t, bearer, "/api/session")
 */
import type { Organization } from "../../../store/organization-repository.ts";
import { call, type TestApp, type TestUser } from "../../test-app.ts";
import type { CreateTokenBody } from "./contract.ts";

export interface MadeToken {
  id: string;
  token: string;
  headers: { authorization: string };
  body: Record<string, unknown>;
}

export async function makeToken(
  t: TestApp,
  user: TestUser,
  body: Partial<CreateTokenBody> = {},
  org: Organization = t.org,
): Promise<MadeToken> {
  const created = await call(t.app, {
    method: "POST",
    url: "/api/tokens",
    headers: user.write,
    payload: { name: "script", org: org.slug, role: "owner", ...body },
  });
  if (created.status !== 201) throw new Error(`token refused: ${JSON.stringify(created.body)}`);
  const token = created.body.token as string;
  return {
    id: created.body.id,
    token,
    headers: { authorization: `Bearer ${token}` },
    body: created.body,
  };
}

/** GET (or another method) with the token only: no cookie, no CSRF header. */
export function asToken(
  t: TestApp,
  made: MadeToken,
  url: string,
  method: "GET" | "POST" | "DELETE" = "GET",
  payload?: unknown,
) {
  return call(t.app, {
    method,
    url,
    headers: made.headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}
