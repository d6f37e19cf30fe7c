/**
 * Limits on what any request may carry (issue 15): every text of every route's schema has a
 * maximum length (read from /api/openapi.json, so a new route cannot forget one), a NUL
 * character is a 400 naming the field on both databases (it was a 500 on PostgreSQL), and
 * better-auth's own routes are held to the same (a 1,000,000-character name was accepted).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listServices } from "../store/catalogue-repository.ts";
import { testDialects } from "../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "./test-app.ts";

type Schema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};

/** Every string of a request schema without a maxLength (enums and constants have one). */
function unlimitedStrings(schema: Schema | undefined, path: string, out: string[]): void {
  if (!schema || typeof schema !== "object") return;
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    for (const s of schema[key] ?? []) unlimitedStrings(s, path, out);
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (
    types.includes("string") &&
    schema.maxLength === undefined &&
    schema.enum === undefined &&
    schema.const === undefined
  ) {
    out.push(path);
  }
  for (const [key, s] of Object.entries(schema.properties ?? {})) {
    unlimitedStrings(s, `${path}.${key}`, out);
  }
  unlimitedStrings(schema.items, `${path}[]`, out);
  if (typeof schema.additionalProperties === "object") {
    unlimitedStrings(schema.additionalProperties, `${path}{}`, out);
  }
}

for (const dialect of testDialects()) {
  describe(`input limits (${dialect})`, () => {
    let t: TestApp;
    let manager: TestUser;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      manager = await signIn(t, "manager");
    });
    afterAll(() => t.close());

    it("gives every text of every request schema a maximum length", async () => {
      const doc = (await call(t.app, { method: "GET", url: "/api/openapi.json" })).body as {
        paths: Record<
          string,
          Record<
            string,
            {
              parameters?: { in: string; name: string; schema: Schema }[];
              requestBody?: { content: Record<string, { schema: Schema }> };
            }
          >
        >;
      };
      const missing: string[] = [];
      let operations = 0;
      for (const [path, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          operations++;
          const at = `${method.toUpperCase()} ${path}`;
          for (const p of op.parameters ?? []) {
            unlimitedStrings(p.schema, `${at} ${p.in}:${p.name}`, missing);
          }
          for (const content of Object.values(op.requestBody?.content ?? {})) {
            unlimitedStrings(content.schema, `${at} body`, missing);
          }
        }
      }
      expect(operations).toBeGreaterThan(40);
      expect(missing).toEqual([]);
    });

    it("refuses a NUL character in a body field with a 400 naming it, and stores nothing", async () => {
      const response = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/catalogue",
        headers: manager.write,
        payload: {
          code: "resole",
          lang: "fr",
          name: "Resse\u0000melage",
          price: 75,
          cost: 18,
          minutes: 45,
          warrantyDays: 90,
        },
      });
      expect(response.status).toBe(400);
      expect(response.body.error).toEqual({
        code: "BAD_INPUT",
        message: "name: must not contain a NUL character (U+0000)",
        field: "name",
      });
      expect(await listServices(t.store, t.org.id)).toEqual([]);
    });

    it("refuses a NUL character in a nested field, a query and a path", async () => {
      const nested = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/catalogue",
        headers: manager.write,
        payload: { code: "x", risks: [{ code: "a", text: "b\u0000" }] },
      });
      expect(nested.status).toBe(400);
      expect(nested.body.error.field).toBe("risks.0.text");
      const query = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/customers?q=a%00b",
        headers: manager.read,
      });
      expect(query.status).toBe(400);
      expect(query.body.error.field).toBe("q");
      const param = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/customers/c%001",
        headers: manager.read,
      });
      expect(param.status).toBe(400);
      expect(param.body.error.field).toBe("id");
    });

    it("holds better-auth's routes to the same: a name of 1,000,000 characters is refused", async () => {
      const huge = await call(t.app, {
        method: "POST",
        url: "/api/auth/update-user",
        headers: manager.write,
        payload: { name: "n".repeat(1_000_000) },
      });
      expect(huge.status).toBe(400);
      expect(huge.body.error.field).toBe("name");
      const long = await call(t.app, {
        method: "POST",
        url: "/api/auth/update-user",
        headers: manager.write,
        payload: { name: "n".repeat(101) },
      });
      expect(long.status).toBe(400);
      expect(long.body.error.field).toBe("name");
      const nul = await call(t.app, {
        method: "POST",
        url: "/api/auth/update-user",
        headers: manager.write,
        payload: { name: "A\u0000B" },
      });
      expect(nul.status).toBe(400);
      expect(nul.body.error.field).toBe("name");
      // A route without a schema of its own (better-auth's catch-all) too.
      const other = await call(t.app, {
        method: "POST",
        url: "/api/auth/change-email",
        headers: manager.write,
        payload: { newEmail: `${"e".repeat(20_000)}@example.test` },
      });
      expect(other.status).toBe(400);
      expect(other.body.error.field).toBe("newEmail");

      const fine = await call(t.app, {
        method: "POST",
        url: "/api/auth/update-user",
        headers: manager.write,
        payload: { name: "Nouveau Nom" },
      });
      expect(fine.status).toBe(200);
      const session = await call(t.app, {
        method: "GET",
        url: "/api/auth/get-session",
        headers: manager.read,
      });
      expect(session.body.user.name).toBe("Nouveau Nom");
    });
  });
}
