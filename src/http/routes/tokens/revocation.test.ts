import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, TEST_URL, type TestApp } from "../../test-app.ts";
import { asToken, makeToken } from "./test-tokens.ts";

// Changing or resetting a password revokes every API token of the user (issue 15): a token
// must not outlive the password it was made under.
for (const dialect of testDialects()) {
  describe(`API tokens and passwords (${dialect})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
    });
    afterAll(() => t.close());

    const tokensOf = async (userId: string) =>
      t.store.db.selectFrom("api_tokens").select("id").where("user_id", "=", userId).execute();

    it("revokes the user's tokens when the password is changed, and only theirs", async () => {
      const owner = await signIn(t, "owner");
      const colleague = await signIn(t, "manager");
      const mine = [await makeToken(t, owner), await makeToken(t, owner, { role: "staff" })];
      const theirs = await makeToken(t, colleague, { role: "manager" });
      const changed = await call(t.app, {
        method: "POST",
        url: "/api/auth/change-password",
        headers: owner.write,
        payload: { currentPassword: owner.password, newPassword: "another long passphrase" },
      });
      expect(changed.status).toBe(200);
      for (const made of mine) {
        const res = await asToken(t, made, "/api/orgs/shop/customers");
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe("UNAUTHENTICATED");
      }
      expect(await tokensOf(owner.id)).toEqual([]);
      expect((await asToken(t, theirs, "/api/orgs/shop/customers")).status).toBe(200);
    });

    it("keeps the tokens when the current password given is wrong", async () => {
      const owner = await signIn(t, "owner");
      const made = await makeToken(t, owner);
      const refused = await call(t.app, {
        method: "POST",
        url: "/api/auth/change-password",
        headers: owner.write,
        payload: { currentPassword: "not the password", newPassword: "another long passphrase" },
      });
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect((await asToken(t, made, "/api/orgs/shop/customers")).status).toBe(200);
    });

    it("revokes the user's tokens when the password is reset with a reset link", async () => {
      const owner = await signIn(t, "owner");
      const made = await makeToken(t, owner);
      // What better-auth stores when it mails a reset link (request-password-reset).
      const secret = randomUUID().replaceAll("-", "");
      const now = new Date();
      const db = t.store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
      const at = (d: Date) => (dialect === "postgres" ? d : d.toISOString());
      await db
        .insertInto("verification")
        .values({
          id: randomUUID(),
          identifier: `reset-password:${secret}`,
          value: owner.id,
          expiresAt: at(new Date(now.getTime() + 3600_000)),
          createdAt: at(now),
          updatedAt: at(now),
        })
        .execute();
      const reset = await call(t.app, {
        method: "POST",
        url: "/api/auth/reset-password",
        headers: { origin: TEST_URL },
        payload: { token: secret, newPassword: "a brand new passphrase" },
      });
      expect(reset.status).toBe(200);
      const res = await asToken(t, made, "/api/orgs/shop/customers");
      expect(res.status).toBe(401);
      expect(await tokensOf(owner.id)).toEqual([]);
      const left = await sql<{ n: number }>`select count(*) as n from verification`.execute(db);
      expect(Number(left.rows[0]?.n)).toBe(0);
    });
  });
}
