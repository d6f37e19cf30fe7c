/**
 * The administrator's account commands, from the compiled CLI on a real database: `org create`
 * prints a one-time link with which the owner creates the account (no password on the command
 * line), `user reset-password` prints a reset link that works once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../http/server.ts";
import { call, TEST_URL } from "../http/test-app.ts";
import { getCharter } from "../store/charter-repository.ts";
import { openStore, type Store } from "../store/database.ts";
import { findOrganization } from "../store/organization-repository.ts";
import { testDialects } from "../store/test-stores.ts";
import { freshDb, runCli } from "./test-cli.ts";

for (const dialect of testDialects()) {
  describe(`comptoir org create and user reset-password (${dialect})`, () => {
    let fresh: Awaited<ReturnType<typeof freshDb>>;
    let store: Store;
    const env = { COMPTOIR_PUBLIC_URL: TEST_URL };
    beforeAll(async () => {
      fresh = await freshDb(dialect);
      store = await openStore(fresh.db);
    });
    afterAll(async () => {
      await store.close();
      await fresh.close();
    });

    it("refuses a missing owner address as a usage error, creating nothing", async () => {
      const r = await runCli(
        ["org", "create", "--slug", "rue-haute", "--name", "Rue Haute", "--db", fresh.db],
        env,
      );
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--owner-email: missing/);
      expect(await findOrganization(store, "rue-haute")).toBeUndefined();
    });

    it("creates the organization and prints the owner's one-time link, which makes the account", async () => {
      const r = await runCli(
        [
          "org",
          "create",
          "--slug",
          "rue-haute",
          "--name",
          "Cordonnerie de la rue Haute",
          "--owner-email",
          "Marc@Example.test",
          "--currency",
          "CHF",
          "--db",
          fresh.db,
        ],
        env,
      );
      expect(r.code).toBe(0);
      const link = /(http:\/\/localhost:3000\/invitations\/[\w-]+)/.exec(r.stdout)?.[1];
      expect(link, r.stdout).toBeDefined();
      expect(r.stdout).not.toMatch(/mot de passe|password/i);
      const org = await findOrganization(store, "rue-haute");
      expect(org?.name).toBe("Cordonnerie de la rue Haute");
      expect((await getCharter(store, org?.id ?? "")).currency).toBe("CHF");

      const app = await buildServer({
        store,
        publicUrl: TEST_URL,
        webDist: "/none",
        notice: () => undefined,
      });
      try {
        const secret = link?.split("/invitations/")[1] ?? "";
        const preview = await call(app, { method: "GET", url: `/api/invitations/${secret}` });
        expect(preview.body).toMatchObject({
          email: "marc@example.test",
          role: "owner",
          accountExists: false,
        });
        const joined = await call(app, {
          method: "POST",
          url: `/api/invitations/${secret}/sign-up`,
          headers: { origin: TEST_URL },
          payload: { name: "Marc", password: "awl and thread 1987" },
        });
        expect(joined.status).toBe(200);
        expect(joined.body).toEqual({ org: "rue-haute", role: "owner" });
        const again = await call(app, {
          method: "POST",
          url: `/api/invitations/${secret}/sign-up`,
          headers: { origin: TEST_URL },
          payload: { name: "Someone else", password: "awl and thread 1988" },
        });
        expect(again.status).toBe(410);
      } finally {
        await app.close();
      }
    });

    it("prints a reset link for an account, and refuses an unknown address", async () => {
      const unknown = await runCli(
        ["user", "reset-password", "--email", "nobody@example.test", "--db", fresh.db],
        env,
      );
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/--email: no account/);
      const r = await runCli(
        ["user", "reset-password", "--email", "marc@example.test", "--db", fresh.db],
        env,
      );
      expect(r.code).toBe(0);
      const token = /reset-password\?token=([\w-]+)/.exec(r.stdout)?.[1];
      expect(token, r.stdout).toBeDefined();
      const app = await buildServer({
        store,
        publicUrl: TEST_URL,
        webDist: "/none",
        notice: () => undefined,
      });
      try {
        const reset = (newPassword: string) =>
          call(app, {
            method: "POST",
            url: "/api/auth/reset-password",
            headers: { origin: TEST_URL },
            payload: { token, newPassword },
          });
        expect((await reset("new heel and sole 2027")).status).toBe(200);
        expect((await reset("another heel 2028")).body.error.code).toBe("LINK_INVALID");
      } finally {
        await app.close();
      }
    });
  });
}
